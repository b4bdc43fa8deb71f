package org.caseflow.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The agency directory over REST, with the Durrës defaults. */
class AgencyDirectoryTest extends NotificationServiceTest {

    @Test
    @SuppressWarnings("unchecked")
    void startsWithEveryAgencyOfDurresInAlbanianWithExampleContacts() {
        List<Map<String, Object>> agencies = http.getForObject("/api/agencies", List.class);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        agencies.forEach(a -> byId.put((String) a.get("id"), a));

        assertThat(byId).containsKeys("cpu", "emergency-centre", "police", "health", "education", "social-service",
                "shelter", "krat", "supervisors");
        for (String id : List.of("cpu", "emergency-centre", "police", "health", "education", "social-service", "shelter",
                "krat", "supervisors")) {
            Map<String, Object> agency = byId.get(id);
            assertThat(agency).containsEntry("language", "sq").containsEntry("webhookSecretSet", false);
            assertThat((String) agency.get("email")).endsWith("example.org");
            assertThat((List<?>) agency.get("channels")).as("only the inbox until a supervisor switches more on").isEmpty();
        }
        assertThat(byId.get("cpu").get("name")).isEqualTo("Njësia për Mbrojtjen e Fëmijës (NJMF), Bashkia Durrës");
        assertThat(byId.get("krat").get("name")).asString().contains("Komiteti Rajonal Antitrafik (KRAT)");
        assertThat((Map<String, Object>) byId.get("emergency-centre").get("onCall")).containsEntry("always", true);
        assertThat((Map<String, Object>) byId.get("police").get("onCall")).containsEntry("always", true);
        assertThat((Map<String, Object>) byId.get("cpu").get("onCall")).containsEntry("always", false)
                .containsEntry("from", "08:00:00").containsEntry("to", "16:00:00");
        assertThat(byId.get("emergency-centre")).containsEntry("onCallNow", true);
    }

    @Test
    void addsAnAgencyAndNeverShowsItsWebhookSecret() {
        String id = agencyId("hospital");
        String secret = "a-long-webhook-secret-" + id;
        ResponseEntity<Map> created = http.postForEntity("/api/agencies", Map.of("id", id, "name", "Spitali Rajonal",
                "language", "en", "webhookUrl", "https://hooks.example.org/caseflow", "webhookSecret", secret,
                "channels", List.of("WEBHOOK"),
                "onCall", Map.of("days", List.of("MONDAY", "TUESDAY"), "from", "08:00", "to", "15:30")), Map.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/agencies/" + id);
        assertThat(created.getBody()).containsEntry("language", "en").containsEntry("webhookSecretSet", true)
                .containsEntry("channels", List.of("WEBHOOK")).doesNotContainKey("webhookSecret");
        String read = http.getForObject("/api/agencies/" + id, String.class);
        assertThat(read).contains("\"webhookSecretSet\":true").doesNotContain(secret);
        assertThat(http.getForObject("/api/agencies", String.class)).doesNotContain(secret);
    }

    @Test
    void anUpdateKeepsTheSecretLanguageAndHoursItLeavesOutAndRemovesAnEmptySecret() {
        String id = agencyId("ngo");
        addAgency(Map.of("id", id, "name", "OJF", "language", "en", "webhookUrl", "https://hooks.example.org/ngo",
                "webhookSecret", "sixteen-characters-at-least", "channels", List.of("WEBHOOK"),
                "onCall", Map.of("days", List.of("SATURDAY"), "from", "22:00", "to", "06:00")));

        ResponseEntity<Map> kept = put("/api/agencies/" + id, Map.of("name", "OJF Durrës", "webhookUrl",
                "https://hooks.example.org/ngo", "channels", List.of("WEBHOOK", "EMAIL"), "email", "ojf@example.org"));
        assertThat(kept.getStatusCode().value()).isEqualTo(200);
        assertThat(kept.getBody()).containsEntry("name", "OJF Durrës").containsEntry("webhookSecretSet", true)
                .containsEntry("channels", List.of("EMAIL", "WEBHOOK")).containsEntry("language", "en")
                .containsEntry("onCall", Map.of("always", false, "days", List.of("SATURDAY"), "from", "22:00:00", "to", "06:00:00"));

        ResponseEntity<Map> removed = put("/api/agencies/" + id, Map.of("name", "OJF Durrës", "webhookSecret", "",
                "channels", List.of()));
        assertThat(removed.getBody()).containsEntry("webhookSecretSet", false);

        ResponseEntity<Map> refused = put("/api/agencies/" + id, Map.of("name", "OJF Durrës",
                "webhookUrl", "https://hooks.example.org/ngo", "channels", List.of("WEBHOOK")));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("errors")).isEqualTo(List.of(Map.of("field", "webhookSecret",
                "message", "is needed for the WEBHOOK channel")));
    }

    @Test
    void refusesASecondAgencyWithTheSameIdWith409() {
        ResponseEntity<Map> duplicate = http.postForEntity("/api/agencies", Map.of("id", "police", "name", "Policia"), Map.class);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThat(duplicate.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(duplicate.getBody()).containsEntry("agencyId", "police").containsEntry("title", "Agency exists");
    }

    @Test
    void answers404ForAnAgencyThatIsNotInTheDirectory() {
        ResponseEntity<Map> missing = http.getForEntity("/api/agencies/nowhere", Map.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).containsEntry("agencyId", "nowhere");
        assertThat(put("/api/agencies/nowhere", Map.of("name", "x")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void rejectsAChannelWithoutItsAddressAndPlainHttpToAnotherHost() {
        ResponseEntity<Map> noEmail = http.postForEntity("/api/agencies",
                Map.of("id", agencyId("school"), "name", "Shkolla", "channels", List.of("EMAIL")), Map.class);
        assertThat(noEmail.getStatusCode().value()).isEqualTo(400);
        assertThat(noEmail.getBody().get("errors")).isEqualTo(List.of(Map.of("field", "email", "message",
                "is needed for the EMAIL channel")));

        ResponseEntity<Map> plainHttp = http.postForEntity("/api/agencies", Map.of("id", agencyId("school"), "name", "Shkolla",
                "webhookUrl", "http://hooks.example.org/x", "webhookSecret", "sixteen-characters-at-least",
                "channels", List.of("WEBHOOK")), Map.class);
        assertThat(plainHttp.getStatusCode().value()).isEqualTo(400);
        assertThat(plainHttp.getBody().toString()).contains("webhookUrl", "must use https");
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesEveryBadField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("id", "Police 2");
        bad.put("name", " ");
        bad.put("email", "not-an-address");
        bad.put("smsNumber", "call me");
        bad.put("webhookSecret", "short");
        bad.put("onCall", Map.of("always", false, "days", List.of("MONDAY")));
        ResponseEntity<Map> response = http.postForEntity("/api/agencies", bad, Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("id", "name", "email", "smsNumber", "webhookSecret", "onCall");

        ResponseEntity<Map> language = http.postForEntity("/api/agencies", Map.of("id", agencyId("x"), "name", "X",
                "language", "fr"), Map.class);
        assertThat(language.getStatusCode().value()).isEqualTo(400);
        assertThat(language.getBody().toString()).contains("language");
    }
}
