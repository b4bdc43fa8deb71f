package org.caseflow.notifications.texts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseflow.notifications.directory.Language;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTextsTest {

    private static final String CASE_ID = "5b7c1d2e-9a40-4c1f-8f3e-0d2a6b9e7c11";
    private static final String LINK = "https://caseflow.example.org/cases/" + CASE_ID;
    private static final Instant DUE = Instant.parse("2030-01-15T08:30:00Z");

    /** What a text must never carry: a child's name, the reporter's account, a description, a contact. */
    private static final List<String> PERSONAL = List.of("Ana", "Hoxha", "begging near the port", "lypte pranë portit",
            "boy, about 10", "+355 69 123 4567", "Rruga Taulantia");

    private final NotificationTexts texts = new NotificationTexts(ZoneId.of("Europe/Tirane"));

    @Test
    void everyTemplateExistsInAlbanianAndEnglish() {
        assertThat(texts.templates()).contains("task-created", "deadline-missed", "case-screened-high-risk",
                "trafficking-case-opened", "case-step", "case-reported", "agency-event-received", "case-reopened",
                "report-not-a-protection-case", "task-completed", NotificationTexts.FALLBACK);
        for (Language language : Language.values()) {
            for (String template : texts.templates()) {
                assertThat(texts.render(template, language, input(false)).title()).as("%s %s", template, language).isNotBlank();
            }
        }
    }

    @Test
    void everyTextNamesTheCaseWhatIsAskedTheDeadlineAndTheLink() {
        for (Language language : Language.values()) {
            String ask = language == Language.SQ ? "Çfarë kërkohet:" : "What is asked:";
            String deadline = language == Language.SQ ? "15.01.2030 ora 09:30" : "15 Jan 2030, 09:30";
            for (String template : texts.templates()) {
                RenderedText text = texts.render(template, language, input(false));
                String what = template + " in " + language;
                assertThat(text.title()).as(what).contains(CASE_ID).doesNotContain("\n");
                assertThat(text.body()).as(what).contains(CASE_ID, ask, LINK).doesNotContain("{{", "}}");
                if (!Set.of("case-screened-high-risk", "case-step", "case-reported", "agency-event-received",
                        "case-reopened", "report-not-a-protection-case", "task-completed").contains(template)) {
                    assertThat(text.body()).as(what).contains(deadline);
                }
            }
        }
    }

    @Test
    void albanianTextsUseTheOfficialTerms() {
        assertThat(texts.render("task-created", Language.SQ, input(false)).title())
                .isEqualTo("Detyrë e re: Kontakti i parë me fëmijën (rasti " + CASE_ID + ")");
        assertThat(texts.render("deadline-missed", Language.SQ, input(true)).title())
                .isEqualTo("URGJENT: Afat i kaluar për kontaktin e parë (rasti " + CASE_ID + ")");
        assertThat(texts.render("deadline-missed", Language.SQ, input(true)).body())
                .contains("Nivel rreziku: i lartë", "Afati ishte: 15.01.2030 ora 09:30", "Ky njoftim nuk përmban");
        assertThat(texts.render("trafficking-case-opened", Language.SQ, input(false)).body())
                .contains("viktimë e mundshme e trafikimit", "Mekanizmit Kombëtar të Referimit", "Komitetit Rajonal Antitrafik (KRAT)");
        assertThat(texts.render("case-step", Language.SQ, input(false)).body())
                .contains("Plani Individual i Mbrojtjes (PIM)", "Vendimi: kujdes kujdestar (familje kujdestare)");
    }

    @Test
    void englishTextsSayTheSame() {
        assertThat(texts.render("task-created", Language.EN, input(false)).title())
                .isEqualTo("New task: Make first contact with the child (case " + CASE_ID + ")");
        assertThat(texts.render("deadline-missed", Language.EN, input(true)).title())
                .isEqualTo("URGENT: Missed deadline: first contact (case " + CASE_ID + ")");
    }

    @Test
    void noTextCarriesAChildsNameOrStoryEvenWhenAProcessPassesThem() {
        // Planted where a careless process could put them: parameters, attributes, an outcome in free text.
        Map<String, List<String>> facts = new LinkedHashMap<>(facts());
        facts.put("outcome", List.of("Ana Hoxha was seen begging near the port"));
        facts.put("childName", List.of("Ana Hoxha"));
        facts.put("narrative", List.of("boy, about 10, begging near the port"));
        Map<String, String> parameters = Map.of("childName", "Ana Hoxha", "narrative", "lypte pranë portit",
                "reporterPhone", "+355 69 123 4567", "address", "Rruga Taulantia");
        for (Language language : Language.values()) {
            for (String template : texts.templates()) {
                for (boolean urgent : List.of(true, false)) {
                    RenderedText text = texts.render(template, language, new TextInput(CASE_ID, "PlacementStarted", LINK,
                            DUE, urgent, "Policia e Shtetit", facts, parameters));
                    for (String personal : PERSONAL) {
                        assertThat(text.title() + "\n" + text.body()).as("%s in %s", template, language)
                                .doesNotContain(personal);
                    }
                }
            }
        }
    }

    @Test
    void templatesUseOnlyTheValuesMeantForThem() throws IOException {
        Set<String> allowed = Set.of("caseId", "link", "urgent", "agencyName", "dueAt", "step", "task", "riskLevel",
                "deadline", "kind", "outcome", "fromAgency", "immediateDanger");
        Pattern tag = Pattern.compile("\\{\\{[#^/]?\\s*([^}\\s]+)\\s*}}");
        List<String> unknown = new ArrayList<>();
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath*:texts/*/*.mustache")) {
            Matcher matcher = tag.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!allowed.contains(name) && !name.startsWith("param.")) {
                    unknown.add(template.getFilename() + ": " + name);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void anUnknownTemplateGetsTheGenericText() {
        RenderedText text = texts.render("no-such-template", Language.SQ, input(false));
        assertThat(text.title()).isEqualTo("Njoftim për rastin " + CASE_ID);
    }

    @Test
    void urgentTextsAreMarkedInTheTitle() {
        assertThat(texts.render("task-created", Language.SQ, input(true)).title()).startsWith("URGJENT: ");
        assertThat(texts.render("task-created", Language.EN, input(true)).title()).startsWith("URGENT: ");
        assertThat(texts.render("task-created", Language.SQ, input(false)).title()).doesNotContain("URGJENT");
    }

    @Test
    void leavesOutTheDeadlineWhenThereIsNone() {
        TextInput noDeadline = new TextInput(CASE_ID, "TaskCreated", LINK, null, false, "NJMF", facts(), Map.of());
        assertThat(texts.render("task-created", Language.SQ, noDeadline).body()).doesNotContain("Afati");
    }

    private static TextInput input(boolean urgent) {
        return new TextInput(CASE_ID, "PlacementStarted", LINK, DUE, urgent,
                "Njësia për Mbrojtjen e Fëmijës (NJMF), Bashkia Durrës", facts(), Map.of());
    }

    private static Map<String, List<String>> facts() {
        return Map.of("taskKey", List.of("MakeFirstContact"), "taskName", List.of("Make first contact with the child"),
                "riskLevel", List.of("HIGH"), "deadline", List.of("firstContact"), "outcome", List.of("FOSTER_CARE"),
                "kind", List.of("CourtDecisionRecorded"), "agency", List.of("police"), "immediateDanger", List.of("true"),
                "candidateGroups", List.of("cpu", "emergency-centre"));
    }
}
