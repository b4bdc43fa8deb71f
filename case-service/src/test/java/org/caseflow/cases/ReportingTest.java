package org.caseflow.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Concern;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReportingTest extends CaseServiceIntegrationTest {

    @Test
    void storesTheReportAndPublishesCaseReportedWithoutPersonalData() {
        ResponseEntity<Map> response = postReport(VALID_REPORT);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) response.getBody().get("id");
        assertThat(response.getHeaders().getLocation()).hasToString(http.getRootUri() + "/api/cases/" + caseId);

        Map<?, ?> caseFile = http.getForObject("/api/cases/" + caseId, Map.class);
        assertThat(caseFile.get("status")).isEqualTo("REPORTED");
        assertThat((List<Map<String, Object>>) caseFile.get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported");

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId), r -> r.size() == 1);
        CaseReported event = (CaseReported) CaseEvents.decode(records.get(0).value());
        assertThat(event.getEnvelope().getCaseId()).isEqualTo(caseId);
        assertThat(event.getEnvelope().getProducer()).isEqualTo("case-service");
        assertThat(event.getConcerns()).containsExactlyInAnyOrder(Concern.BEGGING, Concern.NEGLECT);
        assertThat(event.getChildren()).singleElement().satisfies(child -> assertThat(child.getAgeYears()).isEqualTo(9));
        String onTheWire = new String(records.get(0).value(), StandardCharsets.ISO_8859_1);
        // The phone number whole: "355" alone turns up in a random id now and then.
        assertThat(onTheWire).doesNotContain("Ana", "begging", "near the port", "Teacher", "+355 69 000 0000", "69 000 0000");
    }

    @Test
    void answers404WithAProblemForAnUnknownCase() {
        ResponseEntity<Map> response = http.getForEntity("/api/cases/00000000-0000-0000-0000-000000000000", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("caseId")).isEqualTo("00000000-0000-0000-0000-000000000000");
    }
}
