package org.caseflow.workflow.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a completion may carry, read from a form as the server reads it. */
class TaskFormTest {

    private static final Set<String> AGENCIES = Set.of("police", "health", "education");

    /** Conditions as the forms here write them: "=flag != true". */
    private static final TaskForm.Conditions FLAG_NOT_TRUE = (expression, variables) ->
            expression.equals("flag != true") && !Boolean.TRUE.equals(variables.get("flag"));

    private static final String FORM = """
            {"components": [
              {"type": "text", "text": "Read me"},
              {"type": "checkbox", "key": "flag"},
              {"type": "group", "components": [
                {"type": "number", "key": "children", "validate": {"required": true, "min": 1, "max": 12}}
              ]},
              {"type": "select", "key": "reason", "validate": {"required": true},
               "values": [{"value": "A"}, {"value": "B"}], "conditional": {"hide": "=flag != true"}},
              {"type": "textfield", "key": "agencies", "validate": {"maxLength": 40}, "properties": {"agencyIds": "true"}},
              {"type": "textfield", "key": "code", "readonly": true}
            ]}""";

    @Test
    void acceptsWhatTheFormAsksForAndNothingElse() throws IOException {
        assertThat(check(FORM, Map.of("children", 2))).isEmpty();
        assertThat(check(FORM, Map.of("children", 2L, "flag", true, "reason", "B", "agencies", "police,health"))).isEmpty();
        assertThat(check(FORM, Map.of("children", 2, "followUpPeriod", "P99Y")))
                .hasValueSatisfying(refusal -> assertThat(refusal.message()).isEqualTo("followUpPeriod: is not a field of this task's form"));
    }

    @Test
    void checksTypesBoundsChoicesAndAgencies() throws IOException {
        assertThat(refused(Map.of())).isEqualTo("children: is required");
        assertThat(refused(Map.of("children", "2"))).isEqualTo("children: must be a number");
        assertThat(refused(Map.of("children", 13))).isEqualTo("children: must be at most 12");
        assertThat(refused(Map.of("children", 2, "flag", "yes"))).isEqualTo("flag: must be true or false");
        assertThat(refused(Map.of("children", 2, "flag", true, "reason", "C"))).isEqualTo("reason: must be one of A, B");
        assertThat(refused(Map.of("children", 2, "agencies", "police,court"))).isEqualTo("agencies: names 'court', which is not a known agency");
        assertThat(refused(Map.of("children", 2, "code", "X"))).isEqualTo("code: is read-only");
        assertThat(refused(Map.of("children", Variables.stringValue("2")))).isEqualTo("children: must be a number");
    }

    @Test
    void aHiddenFieldIsNotRequiredButWhatIsSentForItIsStillChecked() throws IOException {
        assertThat(refused(Map.of("children", 2, "flag", true))).isEqualTo("reason: is required");
        assertThat(refused(Map.of("children", 2))).isEqualTo("accepted");
        assertThat(refused(Map.of("children", 2, "reason", "C"))).isEqualTo("reason: must be one of A, B");
    }

    @Test
    void aFormWithAFieldTheServerCannotCheckRefusesEveryCompletionByName() throws IOException {
        String checklist = """
                {"components": [{"type": "checklist", "key": "agencies", "values": [{"value": "police"}]}]}""";

        assertThat(check(checklist, Map.of())).hasValueSatisfying(refusal -> assertThat(refusal.message())
                .startsWith("agencies: this form's checklist cannot be checked by the server"));
    }

    private static String refused(Map<String, Object> submitted) throws IOException {
        return check(FORM, submitted).map(TaskForm.Refusal::message).orElse("accepted");
    }

    private static Optional<TaskForm.Refusal> check(String form, Map<String, Object> submitted) throws IOException {
        return TaskForm.read(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)))
                .check(new HashMap<>(submitted), Map.of(), AGENCIES, FLAG_NOT_TRUE);
    }
}
