package org.caseflow.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may see and do what: everyone signs in; a caseworker sees only their own agency's inbox and
 * notifications, and reads but does not change the directory and the routes; supervisors may do all.
 */
class AccessTest extends NotificationServiceTest {

    private static final String UNAUTHORIZED = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}";
    private static final String FORBIDDEN = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}";

    @Test
    void refusesCallsWithoutValidCredentialsAndEchoesNothingOfThem() {
        List<TestRestTemplate> strangers = List.of(anonymous, anonymous.withBasicAuth("no-such-user", "demo"),
                anonymous.withBasicAuth("police.worker", "not-the-password"));
        for (TestRestTemplate stranger : strangers) {
            for (String url : List.of("/api/notifications?agency=police", "/api/notifications/unread-count?agency=police",
                    "/api/notifications/" + UUID.randomUUID(), "/api/agencies", "/api/agencies/police", "/api/routes")) {
                ResponseEntity<String> response = stranger.getForEntity(url, String.class);

                assertThat(response.getStatusCode().value()).as(url).isEqualTo(401);
                assertThat(response.getBody()).as(url).isEqualTo(UNAUTHORIZED);
                assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"caseflow\"");
            }
        }
    }

    @Test
    void healthStaysOpenWithoutCredentials() {
        for (String url : List.of("/actuator/health", "/actuator/health/liveness")) {
            ResponseEntity<String> health = anonymous.getForEntity(url, String.class);

            assertThat(health.getStatusCode().value()).as(url).isEqualTo(200);
            assertThat(health.getBody()).as(url).contains("\"status\":\"UP\"");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseworkerSeesTheInboxOfTheirAgencyOnly() throws Exception {
        String caseId = caseForPoliceAndHealth();
        TestRestTemplate police = as("police.worker");

        List<Map<String, Object>> inbox = police.getForObject("/api/notifications?agency=police", List.class);
        ResponseEntity<Map> count = police.getForEntity("/api/notifications/unread-count?agency=police", Map.class);
        ResponseEntity<String> health = police.getForEntity("/api/notifications?agency=health", String.class);
        ResponseEntity<String> healthCount = police.getForEntity("/api/notifications/unread-count?agency=health", String.class);

        assertThat(inbox).anySatisfy(n -> assertThat(n).containsEntry("caseId", caseId).containsEntry("agency", "police"));
        assertThat(count.getStatusCode().value()).isEqualTo(200);
        assertThat(count.getBody()).containsEntry("agency", "police");
        assertThat(health.getStatusCode().value()).isEqualTo(403);
        assertThat(health.getBody()).isEqualTo(FORBIDDEN);
        assertThat(healthCount.getStatusCode().value()).isEqualTo(403);
        assertThat(as("health.worker").getForEntity("/api/notifications?agency=health", String.class).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherAgencysNotificationIsAnsweredAsAnUnknownOne() throws Exception {
        String caseId = caseForPoliceAndHealth();
        String id = (String) notificationOf("health", caseId).get("id");
        String unknown = UUID.randomUUID().toString();
        TestRestTemplate police = as("police.worker");

        for (String path : List.of("", "/deliveries")) {
            ResponseEntity<String> other = police.getForEntity("/api/notifications/" + id + path, String.class);
            ResponseEntity<String> none = police.getForEntity("/api/notifications/" + unknown + path, String.class);

            assertThat(other.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(other.getBody().replace(id, "ID")).as(path).isEqualTo(none.getBody().replace(unknown, "ID"));
            assertThat(as("health.worker").getForEntity("/api/notifications/" + id + path, String.class)
                    .getStatusCode().value()).as(path).isEqualTo(200);
        }
        ResponseEntity<String> acknowledged = police.postForEntity("/api/notifications/" + id + "/acknowledge", null, String.class);
        ResponseEntity<String> none = police.postForEntity("/api/notifications/" + unknown + "/acknowledge", null, String.class);

        assertThat(acknowledged.getStatusCode().value()).isEqualTo(404);
        assertThat(acknowledged.getBody().replace(id, "ID")).isEqualTo(none.getBody().replace(unknown, "ID"));
        assertThat(http.getForObject("/api/notifications/" + id, Map.class)).as("still unread")
                .containsEntry("acknowledgedAt", null).containsEntry("acknowledgedBy", null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAcknowledgementRecordsTheCallerWhateverTheBodySays() throws Exception {
        String caseId = caseForPoliceAndHealth();
        Object id = notificationOf("police", caseId).get("id");

        ResponseEntity<Map> acknowledged = as("police.worker").postForEntity("/api/notifications/" + id + "/acknowledge",
                Map.of("by", "someone-else"), Map.class);
        ResponseEntity<Map> again = http.postForEntity("/api/notifications/" + id + "/acknowledge", null, Map.class);

        assertThat(acknowledged.getStatusCode().value()).isEqualTo(200);
        assertThat(acknowledged.getBody()).containsEntry("acknowledgedBy", "police.worker");
        assertThat(again.getBody()).as("the first to see it stays").containsEntry("acknowledgedBy", "police.worker");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlySupervisorsChangeTheDirectoryAndTheRoutesOrLookAtDeliveriesAndDeadLetters() {
        TestRestTemplate caseworker = as("police.worker");
        String agency = agencyId("court");
        Map<String, Object> route = Map.of("event", "PilotStep" + agency.substring("court-".length()),
                "agencies", List.of("education"), "urgency", "NORMAL", "template", "case-step");
        Object routeId = http.postForEntity("/api/routes", route, Map.class).getBody().get("id");
        addAgency(Map.of("id", agency, "name", "Gjykata"));

        // a caseworker reads the directory and the routes, and changes nothing
        assertThat(caseworker.getForEntity("/api/agencies/" + agency, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(caseworker.getForEntity("/api/routes/" + routeId, String.class).getStatusCode().value()).isEqualTo(200);
        Map<String, ResponseEntity<String>> refused = Map.of(
                "POST agency", call(caseworker, HttpMethod.POST, "/api/agencies", Map.of("id", agencyId("court"), "name", "Gjykata")),
                "PUT agency", call(caseworker, HttpMethod.PUT, "/api/agencies/" + agency, Map.of("name", "Renamed")),
                "DELETE agency", call(caseworker, HttpMethod.DELETE, "/api/agencies/" + agency, null),
                "POST route", call(caseworker, HttpMethod.POST, "/api/routes", route),
                "PUT route", call(caseworker, HttpMethod.PUT, "/api/routes/" + routeId, route),
                "PATCH route", call(caseworker, HttpMethod.PATCH, "/api/routes/" + routeId, route),
                "DELETE route", call(caseworker, HttpMethod.DELETE, "/api/routes/" + routeId, null),
                "deliveries", call(caseworker, HttpMethod.GET, "/api/deliveries?status=GIVEN_UP", null),
                "dead letters", call(caseworker, HttpMethod.GET, "/api/dead-letters", null));
        refused.forEach((what, response) -> {
            assertThat(response.getStatusCode().value()).as(what).isEqualTo(403);
            assertThat(response.getBody()).as(what).isEqualTo(FORBIDDEN);
        });
        assertThat(http.getForObject("/api/agencies/" + agency, Map.class)).containsEntry("name", "Gjykata");
        assertThat(http.getForEntity("/api/routes/" + routeId, String.class).getStatusCode().value()).isEqualTo(200);

        // a supervisor does all of it
        assertThat(call(http, HttpMethod.POST, "/api/agencies", Map.of("id", agencyId("court"), "name", "Gjykata"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(call(http, HttpMethod.PUT, "/api/agencies/" + agency, Map.of("name", "Renamed")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(call(http, HttpMethod.DELETE, "/api/agencies/" + agency, null).getStatusCode().value())
                .as("let through, though agencies are not deleted").isEqualTo(405);
        assertThat(call(http, HttpMethod.POST, "/api/routes", route).getStatusCode().value()).isEqualTo(201);
        assertThat(call(http, HttpMethod.PUT, "/api/routes/" + routeId, route).getStatusCode().value()).isEqualTo(200);
        assertThat(call(http, HttpMethod.DELETE, "/api/routes/" + routeId, null).getStatusCode().value()).isEqualTo(204);
        assertThat(call(http, HttpMethod.GET, "/api/deliveries?status=GIVEN_UP", null).getStatusCode().value()).isEqualTo(200);
        assertThat(call(http, HttpMethod.GET, "/api/dead-letters", null).getStatusCode().value()).isEqualTo(200);
    }

    /** A case that notified the police and health, each once. */
    private String caseForPoliceAndHealth() throws Exception {
        String caseId = caseId();
        publish(Events.request(caseId, List.of("police", "health"), "notice", false, null, Map.of()));
        notificationOf("police", caseId);
        notificationOf("health", caseId);
        return caseId;
    }

    private static ResponseEntity<String> call(TestRestTemplate client, HttpMethod method, String url, Object body) {
        return client.exchange(url, method, body == null ? null : new HttpEntity<>(body), String.class);
    }
}
