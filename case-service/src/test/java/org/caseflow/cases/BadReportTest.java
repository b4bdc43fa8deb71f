package org.caseflow.cases;

import java.util.List;
import java.util.Map;

import org.caseflow.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad report gets a 400 naming what is wrong, and leaves no trace: no case, no event. */
class BadReportTest extends CaseServiceIntegrationTest {

    private long casesBefore;
    private long outboxSequenceBefore;
    private long publishedBefore;

    @BeforeEach
    void countWhatExists() {
        casesBefore = casesStored();
        outboxSequenceBefore = outboxSequence();
        publishedBefore = kafka.endOffsetSum(Topics.CASE_EVENTS);
    }

    @AfterEach
    void nothingWasStoredOrPublished() {
        assertThat(casesStored()).isEqualTo(casesBefore);
        assertThat(outboxSequence()).isEqualTo(outboxSequenceBefore);
        assertThat(kafka.endOffsetSum(Topics.CASE_EVENTS)).isEqualTo(publishedBefore);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no child                        | "children": [{"firstName": "Ana", "ageYears": 9}]  | "children": []                          | children
            children missing                | "children": [{"firstName": "Ana", "ageYears": 9}], |                                         | children
            child with no name nor description | "firstName": "Ana"                              | "firstName": " "                        | children[0]
            unknown concern                 | "concerns": ["NEGLECT", "BEGGING"]                | "concerns": ["NEGLECT", "WITCHCRAFT"]    | concerns[1]
            no concern                      | "concerns": ["NEGLECT", "BEGGING"]                | "concerns": []                          | concerns
            missing source                  | "source": "SCHOOL",                               |                                         | source
            unknown source                  | "source": "SCHOOL"                                | "source": "ORACLE"                      | source
            immediateDanger not a boolean   | "immediateDanger": false                          | "immediateDanger": "perhaps"            | immediateDanger
            no municipality                 | "municipality": "Durrës",                         |                                         | location.municipality
            age beyond childhood            | "ageYears": 9                                     | "ageYears": 40                          | children[0].ageYears
            a field nobody knows            | "immediateDanger": false                          | "immediateDanger": false, "urgent": 1   | urgent
            an unknown field named with a C1 control | "immediateDanger": false                  | "immediateDanger": false, "ur\u0085gent": 1 | ur?gent
            a control character             | "firstName": "Ana"                                | "firstName": "A\\u0007na"             | children[0].firstName
            a narrative beyond the limit    | "narrative": "Seen                                | "narrative": "%s Seen                   | narrative
            a field given twice             | "immediateDanger": false                          | "immediateDanger": false, "immediateDanger": true | body
            """)
    void rejectsTheReportNamingTheField(String problem, String valid, String broken, String field) {
        String body = VALID_REPORT.replace(valid, broken == null ? "" : broken.formatted("x".repeat(20_001)));
        assertThat(body).isNotEqualTo(VALID_REPORT);

        ResponseEntity<Map> response = postReport(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<Map<String, String>>) response.getBody().get("errors"))
                .extracting(error -> error.get("field")).contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON at all   | this is not json
            cut short         | {"source": "SCHOOL", "concerns": [
            an array          | [1, 2, 3]
            """)
    void rejectsMalformedJson(String problem, String body) {
        ResponseEntity<Map> response = postReport(body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).doesNotContainKey("trace");
        assertThat((String) response.getBody().get("detail")).doesNotContain("Exception", "jackson");
    }

    @org.junit.jupiter.api.Test
    void refusesABodyAboveTheSizeLimitBeforeReadingIt() {
        String huge = VALID_REPORT.replace("\"narrative\": \"", "\"narrative\": \"" + "x".repeat(300_000));

        ResponseEntity<Map> response = postReport(huge);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private long casesStored() {
        return jdbc.sql("select count(*) from case_file").query(Long.class).single();
    }

    private long outboxSequence() {
        return jdbc.sql("select last_value from outbox_event_id_seq").query(Long.class).single();
    }
}
