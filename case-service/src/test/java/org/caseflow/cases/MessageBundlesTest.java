package org.caseflow.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.ReportSource;
import org.caseflow.cases.casefile.RiskLevel;
import org.caseflow.cases.casefile.Share;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the pages exists in Albanian and in English, and every key a page or a code needs is there. */
class MessageBundlesTest {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z.]+)");

    @Test
    void albanianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(bundle("sq").stringPropertyNames()).isEqualTo(bundle("en").stringPropertyNames());
    }

    @Test
    void everyKeyAPageNamesIsInBothLanguages() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher matcher = STATIC_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        for (String language : new String[] {"sq", "en"}) {
            assertThat(bundle(language).stringPropertyNames()).as(language).containsAll(named);
        }
    }

    @Test
    void everyCodeAPageShowsHasItsWordsInBothLanguages() throws IOException {
        Set<String> needed = new TreeSet<>();
        Stream.of(CaseStatus.values()).forEach(v -> needed.add("status." + v));
        Stream.of(RiskLevel.values()).forEach(v -> needed.add("risk." + v));
        Stream.of(Concern.values()).forEach(v -> needed.add("concern." + v));
        Stream.of(ReportSource.values()).forEach(v -> needed.add("source." + v));
        Stream.of(Participant.Reason.values()).forEach(v -> needed.add("reason." + v));
        Stream.of(Share.ConsentGiver.values()).forEach(v -> needed.add("consent." + v));
        Stream.of(CaseTask.DeadlineState.values()).forEach(v -> needed.add("deadline." + v));
        Stream.of(CaseSearch.Sort.values()).forEach(v -> needed.add("sort." + v));
        for (String agency : new String[] {"cpu", "emergency-centre", "police", "health", "education", "social-service", "shelter",
                "krat", "responsible-authority", "court", "supervisors"}) {
            needed.add("agency." + agency);
        }
        for (String channel : new String[] {"INBOX", "EMAIL", "SMS", "WEBHOOK"}) {
            needed.add("channel." + channel);
        }
        for (String status : new String[] {"PENDING", "SENT", "RETRYING", "FAILED", "GIVEN_UP"}) {
            needed.add("delivery." + status);
        }
        needed.addAll(userTaskKeys());
        for (String language : new String[] {"sq", "en"}) {
            assertThat(bundle(language).stringPropertyNames()).as(language).containsAll(needed);
        }
    }

    /** task.<id> of every user task in the procedure's models. */
    private static Set<String> userTaskKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
        try (Stream<Path> models = Files.list(Path.of("../bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = userTask.matcher(Files.readString(model));
                while (matcher.find()) {
                    keys.add("task." + matcher.group(1));
                }
            }
        }
        assertThat(keys).isNotEmpty();
        return keys;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            assertThat(in).as("messages_" + language + ".properties").isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
