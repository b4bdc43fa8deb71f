package org.caseflow.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A task's deployed Camunda form, read as the server's rule for what a completion may carry: the
 * fields it declares, their types, whether they are required, their choices, pattern and length, and
 * the conditions that hide them. What the browser checks, checked again where a REST client cannot
 * skip it. A field whose component has the property {@code agencyIds} holds agency ids separated by
 * commas, each of which must be a known agency (a task for an unknown group would be seen by nobody).
 */
final class TaskForm {

    /** Evaluates a form's FEEL condition (without its leading "=") over the form's variables. */
    interface Conditions {
        boolean holds(String expression, Map<String, Object> variables);
    }

    /** The components that show something and take no input. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "image", "spacer", "separator", "html", "iframe", "button");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Field> fields;

    private TaskForm(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The form of a task without one: a completion may carry nothing. */
    static TaskForm none() {
        return new TaskForm(List.of());
    }

    /** Reads a deployed form; a component the server cannot check makes every completion of it refused, by name. */
    static TaskForm read(InputStream form) throws IOException {
        List<Field> fields = new ArrayList<>();
        collect(JSON.readTree(form), fields);
        return new TaskForm(fields);
    }

    private static void collect(JsonNode container, List<Field> fields) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            if (component.has("components")) {
                // A group lays fields out; with a path it would nest their values, which no form here does.
                if (component.hasNonNull("path") && !component.path("path").asText().isEmpty()) {
                    fields.add(Field.unsupported(component.path("path").asText(), type + " with a path"));
                } else {
                    collect(component, fields);
                }
                continue;
            }
            if (DISPLAY_ONLY.contains(type) || !component.hasNonNull("key")) {
                continue;
            }
            fields.add(Field.of(component));
        }
    }

    /**
     * Checks a completion's variables against the form.
     *
     * @param submitted     what the completion carries (plain values or typed values)
     * @param caseVariables what the task sees of its case, for the conditions that hide fields
     * @param agencies      the known agency ids
     * @return the first field refused and why, in the form's order; empty when the completion is acceptable
     */
    Optional<Refusal> check(Map<String, Object> submitted, Map<String, Object> caseVariables, Set<String> agencies,
                                      Conditions conditions) {
        VariableMap typed = Variables.fromMap(submitted == null ? Map.of() : submitted);
        Map<String, Field> declared = new LinkedHashMap<>();
        fields.forEach(field -> declared.put(field.key(), field));
        for (String name : typed.keySet()) {
            if (!declared.containsKey(name)) {
                return Optional.of(new Refusal(printable(name), "is not a field of this task's form", false));
            }
        }
        Map<String, Object> formVariables = new HashMap<>(caseVariables);
        typed.forEach((name, value) -> formVariables.put(name, typed.getValueTyped(name).getValue()));
        for (Field field : fields) {
            String reason = field.check(typed.containsKey(field.key()) ? typed.getValueTyped(field.key()) : null,
                    formVariables, agencies, conditions);
            if (reason != null) {
                return refuse(field.key(), reason);
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(String field, String reason) {
        return Optional.of(new Refusal(field, reason, true));
    }

    /** A name as a client sent it, short and without control characters, to be echoed. */
    private static String printable(String name) {
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 64 ? shown.substring(0, 64) + "..." : shown;
    }

    /**
     * A field refused: its key and the reason, in words a REST client's developer can act on.
     *
     * @param declared whether the form declares the field (else it is the client's own name)
     */
    record Refusal(String field, String reason, boolean declared) {

        String message() {
            return field + ": " + reason;
        }
    }

    private record Field(String key, String type, String unsupported, boolean required, boolean readOnly,
                         List<String> choices, Pattern pattern, Integer minLength, Integer maxLength,
                         BigDecimal min, BigDecimal max, String hideWhen, boolean agencyIds, boolean yesNo) {

        static Field unsupported(String key, String what) {
            return new Field(key, "", what, false, false, List.of(), null, null, null, null, null, null, false, false);
        }

        static Field of(JsonNode component) {
            String key = component.path("key").asText();
            String type = component.path("type").asText();
            JsonNode validate = component.path("validate");
            List<String> choices = new ArrayList<>();
            component.path("values").forEach(choice -> choices.add(choice.path("value").asText()));
            // A yes / no question: a radio or select whose choices are true and false, answered with a boolean.
            boolean yesNo = !choices.isEmpty();
            for (JsonNode choice : component.path("values")) {
                yesNo &= choice.path("value").isBoolean();
            }
            String unsupported = switch (type) {
                case "textfield", "textarea", "number", "checkbox", "datetime" -> null;
                case "select", "radio" -> component.has("valuesKey") || component.has("valuesExpression")
                        ? type + " with choices from a variable" : null;
                default -> type;
            };
            Pattern pattern = null;
            if (validate.hasNonNull("pattern")) {
                try {
                    pattern = Pattern.compile(validate.path("pattern").asText());
                } catch (PatternSyntaxException e) {
                    unsupported = "pattern the server cannot read";
                }
            }
            String hide = component.path("conditional").path("hide").asText(null);
            return new Field(key, type, unsupported,
                    validate.path("required").asBoolean(false),
                    component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
                    List.copyOf(choices), pattern,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    hide == null ? null : hide.replaceFirst("^\\s*=", ""),
                    component.path("properties").path("agencyIds").asBoolean(false)
                            || "true".equals(component.path("properties").path("agencyIds").asText()),
                    yesNo);
        }

        /** Null when the value is acceptable, else why not. */
        String check(TypedValue submitted, Map<String, Object> formVariables, Set<String> agencies, Conditions conditions) {
            Object value = submitted == null ? null : submitted.getValue();
            if (unsupported != null) {
                return "this form's " + unsupported + " cannot be checked by the server, so the task cannot be completed; "
                        + "the form needs a field the server knows (textfield, textarea, number, checkbox, select, radio, datetime)";
            }
            if (value == null || "".equals(value)) {
                // A field the form hides is not asked for (Tasklist does not send it).
                return required && !readOnly && !hidden(formVariables, conditions) ? "is required" : null;
            }
            if (readOnly) {
                return "is read-only";
            }
            return switch (type) {
                // A required checkbox is a confirmation (form-js asks for it ticked): unticked is no answer.
                case "checkbox" -> !(value instanceof Boolean ticked) ? "must be true or false"
                        : required && !ticked && !hidden(formVariables, conditions) ? "must be ticked" : null;
                case "number" -> checkNumber(value);
                case "radio", "select" -> yesNo ? (value instanceof Boolean answer && choices.contains(answer.toString()) ? null
                        : "must be true or false") : value instanceof String text ? checkText(text, agencies) : "must be text";
                default -> value instanceof String text ? checkText(text, agencies) : "must be text";
            };
        }

        private boolean hidden(Map<String, Object> formVariables, Conditions conditions) {
            return hideWhen != null && conditions.holds(hideWhen, formVariables);
        }

        private String checkNumber(Object value) {
            if (!(value instanceof Number number)) {
                return "must be a number";
            }
            BigDecimal decimal = new BigDecimal(number.toString());
            if (min != null && decimal.compareTo(min) < 0) {
                return "must be at least " + min.toPlainString();
            }
            if (max != null && decimal.compareTo(max) > 0) {
                return "must be at most " + max.toPlainString();
            }
            return null;
        }

        private String checkText(String text, Set<String> agencies) {
            if (!choices.isEmpty() && !choices.contains(text)) {
                return "must be one of " + String.join(", ", choices);
            }
            if (minLength != null && text.length() < minLength) {
                return "must have at least " + minLength + " characters";
            }
            if (maxLength != null && text.length() > maxLength) {
                return "must have at most " + maxLength + " characters";
            }
            if (pattern != null && !pattern.matcher(text).find()) {
                return "does not match " + pattern.pattern();
            }
            if (agencyIds) {
                for (String agency : text.split(",", -1)) {
                    if (!agencies.contains(agency.strip())) {
                        return "names '" + agency.strip() + "', which is not a known agency";
                    }
                }
            }
            return null;
        }
    }
}
