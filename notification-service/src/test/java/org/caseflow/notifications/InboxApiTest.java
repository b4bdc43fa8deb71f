package org.caseflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Each agency's inbox: urgent first, unread count, acknowledging. */
class InboxApiTest extends NotificationServiceTest {

    @Test
    @SuppressWarnings("unchecked")
    void listsUrgentNotificationsFirstThenTheNewest() throws Exception {
        String agency = agencyId("education");
        addAgency(Map.of("id", agency, "name", "Zyra Arsimore"));
        String caseId = caseId();
        publish(Events.request(caseId, List.of(agency), "notice", false, null, Map.of()),
                Events.request(caseId, List.of(agency), "trafficking-case-opened", true, null, Map.of()),
                Events.request(caseId, List.of(agency), "case-reopened", false, null, Map.of()));

        List<Map<String, Object>> inbox = http.getForObject("/api/notifications?agency=" + agency, List.class);

        assertThat(inbox).extracting(n -> n.get("urgent") + " " + ((String) n.get("title")).split(" \\(")[0])
                .containsExactly("true URGJENT: Rast me tregues trafikimi", "false Rihapje e rastit", "false Njoftim për rastin "
                        + caseId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsTheUnreadAndAcknowledgesOnce() throws Exception {
        String agency = agencyId("health");
        addAgency(Map.of("id", agency, "name", "Qendra Shëndetësore"));
        String caseId = caseId();
        publish(Events.request(caseId, List.of(agency), "notice", true, null, Map.of()),
                Events.request(caseId, List.of(agency), "notice", false, null, Map.of()));
        assertThat(http.getForObject("/api/notifications/unread-count?agency=" + agency, Map.class))
                .isEqualTo(Map.of("agency", agency, "unread", 2, "urgent", 1));
        List<Map<String, Object>> inbox = http.getForObject("/api/notifications?agency=" + agency, List.class);
        Map<String, Object> urgent = inbox.stream().filter(n -> Boolean.TRUE.equals(n.get("urgent"))).findFirst().orElseThrow();

        ResponseEntity<Map> first = http.postForEntity("/api/notifications/" + urgent.get("id") + "/acknowledge",
                Map.of("by", "pmf-durres-1"), Map.class);
        ResponseEntity<Map> again = http.postForEntity("/api/notifications/" + urgent.get("id") + "/acknowledge",
                Map.of("by", "someone-else"), Map.class);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).as("who saw it is the caller, not the body's by")
                .containsEntry("acknowledgedBy", "supervisor").containsKey("acknowledgedAt");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).containsEntry("acknowledgedBy", "supervisor")
                .containsEntry("acknowledgedAt", first.getBody().get("acknowledgedAt"));
        assertThat(http.getForObject("/api/notifications/unread-count?agency=" + agency, Map.class))
                .isEqualTo(Map.of("agency", agency, "unread", 1, "urgent", 0));
        List<Map<String, Object>> unread = http.getForObject("/api/notifications?agency=" + agency + "&unreadOnly=true", List.class);
        assertThat(unread).singleElement().satisfies(n -> assertThat(n).containsEntry("urgent", false));
        ResponseEntity<Map> bodiless = http.postForEntity("/api/notifications/" + unread.get(0).get("id") + "/acknowledge",
                null, Map.class);
        assertThat(bodiless.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void acknowledgingANotificationThatDoesNotExistIs404AndABadIdIs400() {
        UUID unknown = UUID.randomUUID();
        ResponseEntity<Map> missing = http.postForEntity("/api/notifications/" + unknown + "/acknowledge", null, Map.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(missing.getBody()).containsEntry("notificationId", unknown.toString())
                .containsEntry("title", "Notification not found");

        ResponseEntity<Map> bad = http.postForEntity("/api/notifications/not-a-uuid/acknowledge", null, Map.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors")).isEqualTo(List.of(Map.of("field", "id", "message", "has the wrong format")));
        assertThat(http.getForEntity("/api/notifications/" + unknown + "/deliveries", Map.class).getStatusCode().value())
                .isEqualTo(404);
    }
}
