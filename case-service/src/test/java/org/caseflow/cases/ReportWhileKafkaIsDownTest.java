package org.caseflow.cases;

import java.time.Duration;
import java.util.Map;

import org.caseflow.events.Topics;
import org.caseflow.infra.LocalKafka;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReportWhileKafkaIsDownTest extends CaseServiceIntegrationTest {

    private final LocalKafka broker = TestInfrastructure.shared().kafka();

    @AfterEach
    void brokerIsBack() {
        broker.start();
    }

    @Test
    void acceptsTheReportAndPublishesItsEventOnceKafkaIsBack() {
        broker.stop();

        ResponseEntity<Map> response = postReport(VALID_REPORT);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) response.getBody().get("id");
        assertThat(outboxRowsFor(caseId)).isEqualTo(1);

        broker.start();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).size(), n -> n == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRowsFor(caseId), n -> n == 0);
    }

    private long outboxRowsFor(String caseId) {
        return jdbc.sql("select count(*) from outbox_event where record_key = ?").param(caseId).query(Long.class).single();
    }
}
