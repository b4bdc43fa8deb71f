package org.caseflow.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.caseflow.events.TaskCreated;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** A task created tells the agencies that may take it, once, in Albanian by default. */
class TaskNotificationTest extends NotificationServiceTest {

    @Test
    void notifiesEachCandidateAgencyOnceHoweverOftenTheEventIsDelivered() throws Exception {
        String caseId = caseId();
        TaskCreated created = Events.taskCreated(caseId, "HoldJointInterview", "Hold the joint interview",
                List.of("police", "social-service"), Instant.parse("2030-03-01T10:00:00Z"));

        publish(created, created);

        for (String agency : List.of("police", "social-service")) {
            List<Map<String, Object>> forAgency = notificationsOf(agency, caseId);
            assertThat(forAgency).hasSize(1);
            Map<String, Object> notification = forAgency.get(0);
            assertThat((String) notification.get("title")).isEqualTo("Detyrë e re: Intervista e përbashkët (rasti " + caseId + ")");
            assertThat((String) notification.get("message"))
                    .contains("Intervista e përbashkët", caseId, "Afati: 01.03.2030 ora 11:00",
                            "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + created.getTaskId());
            assertThat(notification).containsEntry("language", "sq").containsEntry("urgent", false)
                    .containsEntry("event", "TaskCreated").containsEntry("dueAt", "2030-03-01T10:00:00Z");
        }
        assertThat(notificationsOf("cpu", caseId)).isEmpty();
    }

    @Test
    void rejectsAnAgencyIdThatIsNoId() {
        var response = http.getForEntity("/api/notifications?agency=<script>", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsKey("errors");
        assertThat(response.getBody().toString()).contains("agency");
    }
}
