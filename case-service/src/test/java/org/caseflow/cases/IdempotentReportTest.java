package org.caseflow.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reporter's retry is one case: the same Idempotency-Key and report give the same case and answer. */
class IdempotentReportTest extends CaseServiceIntegrationTest {

    @Test
    void theSameReportSentAgainWithItsKeyIsTheSameCaseAndOneEvent() {
        String key = "report-" + UUID.randomUUID();

        ResponseEntity<Map> first = report("education.worker", key, VALID_REPORT);
        ResponseEntity<Map> again = report("education.worker", key, VALID_REPORT);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).as("the same answer").isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        String caseId = (String) first.getBody().get("id");
        await().until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).size() >= 1);
        assertThat(kafka.readAll(Topics.CASE_EVENTS, caseId)).as("one CaseReported").hasSize(1);
        assertThat(report("police.worker", key, VALID_REPORT).getBody().get("id")).as("another caller's key is theirs")
                .isNotEqualTo(caseId);
    }

    @Test
    void theKeyWithAnotherReportIsRefusedAndMakesNothing() {
        String key = "report-" + UUID.randomUUID();
        report("education.worker", key, VALID_REPORT);
        long casesBefore = jdbc.sql("select count(*) from case_file").query(Long.class).single();

        ResponseEntity<Map> other = report("education.worker", key, VALID_REPORT.replace("\"ageYears\": 9", "\"ageYears\": 10"));

        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(casesBefore);
        ResponseEntity<Map> badKey = report("education.worker", "not a key!", VALID_REPORT);
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody().toString()).contains("Idempotency-Key");
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceMakeOneCase() {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + UUID.randomUUID();
            CompletableFuture<ResponseEntity<Map>> one = CompletableFuture.supplyAsync(() -> report("education.worker", key, VALID_REPORT));
            CompletableFuture<ResponseEntity<Map>> two = CompletableFuture.supplyAsync(() -> report("education.worker", key, VALID_REPORT));

            List<ResponseEntity<Map>> answers = List.of(one.join(), two.join());

            assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED));
            assertThat(answers.get(0).getBody().get("id")).isEqualTo(answers.get(1).getBody().get("id"));
        }
    }

    private ResponseEntity<Map> report(String user, String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return as(user).postForEntity("/api/cases", new HttpEntity<>(body, headers), Map.class);
    }
}
