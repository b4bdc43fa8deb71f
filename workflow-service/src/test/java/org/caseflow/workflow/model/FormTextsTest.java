package org.caseflow.workflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the texts of every Camunda Form in bpmn/forms the way a reviewer would: Albanian first and
 * English after it ("Shqip / English"), a title that links to the case file, and no code (HIGH,
 * FOSTER_CARE, CONFIRMED...) shown to the user where words belong.
 */
class FormTextsTest {

    private static final Path FORMS = Path.of("..", "bpmn", "forms");

    /**
     * Process variables that hold a code. A text shows them through a FEEL if-expression that gives
     * words, such as {@code {{if suggestedRiskLevel = "HIGH" then "I lartë / High" else ...}}}, never
     * as a bare {@code {{suggestedRiskLevel}}}. The keys of the choice fields (selects, radios,
     * checklists) are added to these when the forms are read.
     */
    private static final Set<String> CODE_VARIABLES = Set.of(
            "suggestedRiskLevel", // HIGH, MEDIUM, LOW (risk-level.dmn)
            "riskLevel", // HIGH, MEDIUM, LOW
            "traffickingRiskLevel", // HIGH, MEDIUM, LOW
            "courtDecision", // CONFIRMED, REJECTED, ... (the court's CourtDecisionRecorded outcome)
            "protectionMeasure", // HOME_SUPERVISION, FOSTER_CARE, ...
            "emergencyMeasure", // IMMEDIATE_PROTECTION, EMERGENCY_STAY_72H, ...
            "accommodation", // NATIONAL_RECEPTION_CENTRE, ...
            "closureReason", // SAFE_AT_HOME, REINTEGRATED, ...
            "deadLetterDecision", // REPLAYED, DISMISSED
            "agency", // police, health, education, social-service, ... (agency ids)
            "deadline", // screening, firstContact, emergencyMeasure, assessment, ... (deadlines.dmn)
            "eventType"); // CaseReported, TaskCreated, ... (event record names)

    private static final Set<String> CHOICE_TYPES = Set.of("select", "radio", "checklist", "taglist");
    private static final Pattern BARE_INSERT = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final String SEPARATOR = " / ";
    private static final String CASE_LINE =
            "Rasti / Case **{{caseReference}}** · [Hapni dosjen e rastit / Open the case file]({{caseFileUrl}})";

    private record Form(String file, List<JsonNode> components) {
    }

    private static List<Form> forms;
    private static Set<String> codeVariables;

    @BeforeAll
    static void readForms() throws IOException {
        forms = new ArrayList<>();
        codeVariables = new HashSet<>(CODE_VARIABLES);
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = json.readTree(file.toFile());
                List<JsonNode> components = new ArrayList<>();
                collect(form.path("components"), components);
                forms.add(new Form(file.getFileName().toString(), components));
                for (JsonNode component : components) {
                    if (CHOICE_TYPES.contains(component.path("type").asText()) && component.hasNonNull("key")) {
                        codeVariables.add(component.get("key").asText());
                    }
                }
            }
        }
        assertThat(forms).as("forms in " + FORMS.toAbsolutePath()).isNotEmpty();
    }

    @Test
    void everyFormTitleAndLabelIsInAlbanianAndEnglish() {
        SoftAssertions softly = new SoftAssertions();
        for (Form form : forms) {
            JsonNode title = firstText(form);
            softly.assertThat(title != null).as("%s: has a text component for its title", form.file()).isTrue();
            if (title != null) {
                String text = title.path("text").asText();
                softly.assertThat(text).as("%s, %s: the title is a heading \"# ...\"", form.file(), id(title)).startsWith("# ");
                String heading = text.lines().findFirst().orElse("").replaceFirst("^#\\s*", "");
                softly.assertThat(bilingual(heading))
                        .as("%s, %s: the title \"%s\" reads \"Shqip / English\"", form.file(), id(title), heading).isTrue();
            }
            for (JsonNode component : form.components()) {
                if (component.has("label")) {
                    String label = component.get("label").asText();
                    softly.assertThat(bilingual(label))
                            .as("%s, %s: the label \"%s\" reads \"Shqip / English\"", form.file(), id(component), label).isTrue();
                }
                if (component.has("description")) {
                    String description = component.get("description").asText();
                    softly.assertThat(bilingual(description))
                            .as("%s, %s: the description \"%s\" reads \"Shqip / English\"", form.file(), id(component), description)
                            .isTrue();
                }
                for (JsonNode value : component.path("values")) {
                    String label = value.path("label").asText();
                    softly.assertThat(bilingual(label))
                            .as("%s, %s: the label \"%s\" of the value %s reads \"Shqip / English\"", form.file(), id(component),
                                    label, value.path("value").asText())
                            .isTrue();
                }
                if (isText(component) && component != title) {
                    String text = component.path("text").asText();
                    softly.assertThat(bilingual(text))
                            .as("%s, %s: the text \"%s\" reads \"Shqip / English\"", form.file(), id(component), text).isTrue();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyUserTaskIsNamedInAlbanianAndEnglish() throws IOException {
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"(?: name=\"([^\"]*)\")?");
        SoftAssertions softly = new SoftAssertions();
        int seen = 0;
        try (Stream<Path> models = Files.list(FORMS.getParent())) {
            for (Path model : models.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = userTask.matcher(Files.readString(model));
                while (matcher.find()) {
                    seen++;
                    String name = matcher.group(2) == null ? "" : matcher.group(2);
                    String[] languages = name.split(" / ");
                    softly.assertThat(languages.length == 2 && !languages[0].isBlank() && !languages[1].isBlank())
                            .as(model.getFileName() + ", task " + matcher.group(1) + ": '" + name
                                    + "' is not '<Albanian> / <English>', as Tasklist shows it").isTrue();
                }
            }
        }
        assertThat(seen).isPositive();
        softly.assertAll();
    }

    @Test
    void everyFormLinksToItsCaseFile() {
        SoftAssertions softly = new SoftAssertions();
        for (Form form : forms) {
            JsonNode title = firstText(form);
            softly.assertThat(title != null).as("%s: has a text component for its title", form.file()).isTrue();
            if (title == null) {
                continue;
            }
            String text = title.path("text").asText();
            softly.assertThat(text).as("%s, %s: the title links to the case file", form.file(), id(title))
                    .contains("{{caseFileUrl}}")
                    .contains("{{caseReference}}")
                    .contains(CASE_LINE);
            softly.assertThat(text).as("%s, %s: the title asks for no names and none of the child's story", form.file(), id(title))
                    .contains("Mos shkruani këtu emra as historinë e fëmijës. / Write no names and none of the child's story here.");
            softly.assertThat(text).as("%s, %s: the title names the case by its reference, not its id", form.file(), id(title))
                    .doesNotContain("{{caseId}}")
                    .doesNotContain("case-service");
        }
        softly.assertAll();
    }

    @Test
    void noFormShowsARawCode() {
        SoftAssertions softly = new SoftAssertions();
        for (Form form : forms) {
            for (JsonNode component : form.components()) {
                if (isText(component)) {
                    Set<String> shown = new TreeSet<>();
                    Matcher insert = BARE_INSERT.matcher(component.path("text").asText());
                    while (insert.find()) {
                        if (codeVariables.contains(insert.group(1))) {
                            shown.add(insert.group(1));
                        }
                    }
                    softly.assertThat(shown)
                            .as("%s, %s: shows the code of %s; show words instead, through a FEEL if-expression",
                                    form.file(), id(component), shown)
                            .isEmpty();
                }
                for (JsonNode value : component.path("values")) {
                    String code = value.path("value").asText();
                    softly.assertThat(value.path("label").asText())
                            .as("%s, %s: the value %s has a label in words, not its code", form.file(), id(component), code)
                            .doesNotContain(code);
                }
            }
        }
        softly.assertAll();
    }

    /** Text on both sides of " / ": Albanian before it, English after it. */
    private static boolean bilingual(String text) {
        int at = text.indexOf(SEPARATOR);
        return at > 0 && !text.substring(0, at).isBlank() && !text.substring(at + SEPARATOR.length()).isBlank();
    }

    private static JsonNode firstText(Form form) {
        return form.components().stream().filter(FormTextsTest::isText).findFirst().orElse(null);
    }

    private static boolean isText(JsonNode component) {
        return "text".equals(component.path("type").asText());
    }

    private static String id(JsonNode component) {
        return "component " + component.path("id").asText("(no id)");
    }

    /** The components in the order they show, with those inside groups. */
    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode component : components) {
            into.add(component);
            collect(component.path("components"), into);
        }
    }
}
