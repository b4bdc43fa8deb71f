package org.caseflow.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseflow.infra.KafkaPrincipals;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of docker-compose.yml and the Dockerfiles without a Docker engine: pinned images,
 * healthchecks and healthy dependencies, no password in the file, every client signed in (PostgreSQL
 * with a role per service, Kafka with SASL/SCRAM and the same ACLs as the local broker's), and each
 * Dockerfile taking the jar Maven builds.
 */
@SuppressWarnings("unchecked")
class ComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Map<String, String> SERVICES = Map.of(
            "case-service", "8081", "workflow-service", "8080", "notification-service", "8082");

    private final Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");

    @Test
    void everyImageIsPinnedAndEveryLongRunningContainerHasAHealthcheck() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            String image = (String) service.getValue().get("image");
            assertThat(image).as(service.getKey()).matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*").doesNotContain("latest");
            if (!"no".equals(service.getValue().get("restart"))) {
                assertThat(service.getValue()).as(service.getKey() + " healthcheck").containsKey("healthcheck");
            }
        }
        for (String name : SERVICES.keySet()) {
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(name).get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("kafka-setup")).containsEntry("condition", "service_completed_successfully");
            assertThat(healthcheck(name)).contains("/actuator/health/readiness").contains(SERVICES.get(name));
        }
    }

    @Test
    void noPasswordIsInTheFileAndEveryVariableIsInTheExample() throws IOException {
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> environment = environment(service.getKey());
            environment.forEach((name, value) -> {
                if (name.contains("PASSWORD") || String.valueOf(value).contains("password")) {
                    assertThat(String.valueOf(value)).as(service.getKey() + " " + name).contains("${");
                }
                Matcher variable = VARIABLE.matcher(String.valueOf(value));
                while (variable.find()) {
                    used.add(variable.group(1));
                }
            });
        }
        String example = Files.readString(ROOT.resolve(".env.example"));
        assertThat(used).isNotEmpty().allSatisfy(variable -> assertThat(example).contains(variable + "="));
    }

    @Test
    void everyServiceSignsInToPostgresAsItsOwnRoleAndToKafkaAsItself() {
        for (String name : SERVICES.keySet()) {
            Map<String, Object> environment = environment(name);
            String database = name.replace('-', '_');
            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(database);
            assertThat((String) environment.get("SPRING_DATASOURCE_URL")).endsWith("/" + database);
            assertThat((String) environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .contains("ScramLoginModule").contains("username=\"" + name + "\"");
        }
        Map<String, Object> broker = environment("kafka");
        assertThat((String) broker.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))
                .contains("SASL_PLAINTEXT:SASL_PLAINTEXT").contains("CONTROLLER:SASL_PLAINTEXT").contains("HEALTH:PLAINTEXT");
        assertThat((String) broker.get("KAFKA_LISTENERS")).as("the plain listener on the loopback only").contains("HEALTH://127.0.0.1:");
        assertThat(broker).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
    }

    @Test
    void theKafkaSetupGrantsWhatTheLocalBrokerGrants() throws IOException {
        String setup = Files.readString(ROOT.resolve("docker/kafka/setup.sh"));
        for (KafkaPrincipals.Principal principal : KafkaPrincipals.SERVICES) {
            String line = setup.lines().filter(l -> l.startsWith("service " + principal.name() + " ")).findFirst().orElseThrow();
            List<String> words = List.of(line.split("\\s+"));
            assertThat(words.get(3)).as(principal.name() + " writes").isEqualTo(principal.writes());
            assertThat(words.subList(4, words.size())).as(principal.name() + " reads").containsExactlyInAnyOrderElementsOf(principal.reads());
        }
    }

    @Test
    void eachDockerfileTakesTheJarMavenBuildsAndExposesTheServicesPort() throws IOException {
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            String name = service.getKey();
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            String pom = Files.readString(ROOT.resolve(name).resolve("pom.xml"));
            String configuration = Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
            assertThat(pom).contains("<finalName>" + name + "</finalName>").contains("<classifier>exec</classifier>");
            assertThat(dockerfile).contains("COPY target/" + name + "-exec.jar ").contains("EXPOSE " + service.getValue())
                    .doesNotContain(":latest");
            assertThat(configuration).contains("port: " + service.getValue());
            assertThat(services.get(name).get("build")).isEqualTo("./" + name);
        }
    }

    private Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
    }

    private String healthcheck(String service) {
        return String.valueOf(((Map<String, Object>) services.get(service).get("healthcheck")).get("test"));
    }

    private static Map<String, Object> compose() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
