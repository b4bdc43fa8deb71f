package org.caseflow.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the report endpoint with bodies derived from a valid report: fields dropped, given values of
 * every JSON type, strings of any Unicode (control characters, huge), bodies cut short. Whatever comes
 * in, the answer is 201 with the case stored, or a 4xx problem detail with nothing stored and nothing
 * internal in it; never a 5xx.
 */
class ReportFuzzTest extends CaseServiceIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODIES = 250;
    private static final List<String> PATHS = List.of("source", "concerns", "immediateDanger", "children", "location",
            "narrative", "reporter", "children/0/firstName", "children/0/ageYears", "children/0/description",
            "location/municipality", "reporter/phone", "concerns/0");

    private final Random random = new Random(20261130L);
    private final Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40);
    private final Arbitrary<String> hugeText = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(20_001).ofMaxLength(300_000);

    @Test
    void everyBodyGets201Or4xxAndA4xxLeavesNoTrace() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            String body = mutate();
            long casesBefore = casesStored();
            ResponseEntity<Map> response = postReport(body);
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            if (status == HttpStatus.CREATED) {
                assertThat(casesStored()).isEqualTo(casesBefore + 1);
            } else if (status.is4xxClientError()) {
                assertThat(response.getHeaders().getContentType()).as(body).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(String.valueOf(response.getBody())).doesNotContain("Exception", "at org.", "SQL");
                assertThat(casesStored()).as("nothing stored for " + status).isEqualTo(casesBefore);
            } else {
                failures.add(status + " for " + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            }
        }
        assertThat(failures).isEmpty();
    }

    private String mutate() throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree(VALID_REPORT);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            JsonNode parent = parentOf(report, path);
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (parent instanceof ObjectNode object) {
                if (random.nextInt(4) == 0) {
                    object.remove(last);
                } else {
                    object.set(last, anyValue());
                }
            } else if (parent instanceof ArrayNode array && array.size() > 0) {
                array.set(0, anyValue());
            }
        }
        String body = JSON.writeValueAsString(report);
        if (random.nextInt(10) == 0) {
            body = body.substring(0, random.nextInt(body.length()));
        }
        return body;
    }

    private JsonNode anyValue() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextInt(200) - 50);
            case 3 -> nodes.numberNode(random.nextDouble() * 1e12);
            case 4 -> nodes.textNode(anyText.sample());
            case 5 -> nodes.textNode(hugeText.sample());
            case 6 -> nodes.arrayNode().add(anyText.sample()).add(random.nextInt());
            case 7 -> nodes.objectNode().put(anyText.sample(), anyText.sample());
            default -> nodes.textNode(List.of("POLICE", "NEGLECT", "Durrës", "VIOLENCE", "", " ").get(random.nextInt(6)));
        };
    }

    private static JsonNode parentOf(JsonNode root, String path) {
        String[] parts = path.split("/");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        return node;
    }

    private long casesStored() {
        return jdbc.sql("select count(*) from case_file").query(Long.class).single();
    }
}
