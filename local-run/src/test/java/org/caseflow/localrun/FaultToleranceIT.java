package org.caseflow.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system under faults, in the middle of a burst of reports: the broker away for 20 seconds,
 * workflow-service killed, PostgreSQL restarted, every event delivered twice, a poison message. Each
 * prints its figures and fails when a report is lost (no procedure or no notification for the agency)
 * or duplicated (two procedures, or the agency notified twice of the same task).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path data = Files.createTempDirectory("caseflow-faults");
        Path services = Path.of(System.getProperty("caseflow.services.directory", "target/services"));
        stack = new LocalStack(LocalStack.Settings.forFaultTests(data, services)).start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerStopsForTwentySecondsInTheMiddleOfABurst() throws Exception {
        List<String> cases = burst(60, Duration.ofMillis(500), sent -> {
            if (sent == 15) {
                stack.kafka().stop();
            } else if (sent == 55) {
                stack.kafka().start();   // 40 reports at 2 a second later: about 20 seconds without a broker
            }
        });
        verify("kafka-broker-stopped", cases);
    }

    @Test
    @Order(2)
    void workflowServiceIsKilledAndStartedAgainInTheMiddleOfABurst() throws Exception {
        List<String> cases = burst(40, Duration.ofMillis(250), sent -> {
            if (sent == 10) {
                stack.killService(ServiceName.WORKFLOW);
            } else if (sent == 20) {
                Thread restart = new Thread(() -> stack.startService(ServiceName.WORKFLOW));
                restart.start();
            }
        });
        await().atMost(Duration.ofMinutes(3)).until(() -> stack.deadServices().isEmpty());
        verify("workflow-service-restarted", cases);
    }

    @Test
    @Order(3)
    void postgresqlStopsAndStartsAgainInTheMiddleOfABurst() throws Exception {
        List<String> cases = burst(40, Duration.ofMillis(250), sent -> {
            if (sent == 10) {
                stack.stopPostgres();
                // Back after ten seconds; reports sent meanwhile are refused and sent again by the reporter.
                Thread restart = new Thread(() -> {
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                    stack.startPostgres();
                });
                restart.start();
            }
        });
        verify("postgresql-restarted", cases);
    }

    @Test
    @Order(4)
    void everyEventIsDeliveredTwice() throws Exception {
        AtomicBoolean duplicating = new AtomicBoolean(true);
        java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        Thread duplicator = new Thread(() -> duplicateEveryEvent(duplicating, assigned), "duplicator");
        duplicator.start();
        assertThat(assigned.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("duplicator listening").isTrue();
        try {
            List<String> cases = burst(40, Duration.ofMillis(250), sent -> { });
            verify("every-event-twice", cases);
        } finally {
            duplicating.set(false);
            duplicator.join(10_000);
        }
    }

    @Test
    @Order(5)
    void aPoisonMessageInTheMiddleOfABurstIsDeadLettered() throws Exception {
        String poisonKey = "poison-" + System.nanoTime();
        List<String> cases = burst(40, Duration.ofMillis(250), sent -> {
            if (sent == 20) {
                send(Topics.CASE_EVENTS, poisonKey, "{\"this\": \"is not an event\"}".getBytes(StandardCharsets.UTF_8));
                send(Topics.WORKFLOW_EVENTS, poisonKey, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3});
            }
        });
        verify("poison-message", cases);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(deadLetters(ServiceName.WORKFLOW)).anyMatch(d -> poisonKey.equals(d.get("caseId")));
            assertThat(deadLetters(ServiceName.CASE)).anyMatch(d -> poisonKey.equals(d.get("caseId")));
            assertThat(deadLetters(ServiceName.NOTIFICATION)).anyMatch(d -> poisonKey.equals(d.get("caseId")));
        });
    }

    // --- the burst and the counts ----------------------------------------------------------------------

    /** Reports {@code count} cases, one every {@code interval}; a refused report is sent again, as a reporter would. */
    private List<String> burst(int count, Duration interval, IntConsumer duringBurst) throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long next = System.nanoTime() + interval.toNanos();
            duringBurst.accept(i);
            cases.add(reportUntilAccepted(i));
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
        return cases;
    }

    private String reportUntilAccepted(int n) {
        String body = """
                {"source": "HOTLINE", "concerns": ["NEGLECT"], "immediateDanger": false,
                 "children": [{"description": "child %d", "ageYears": 8}],
                 "location": {"municipality": "Durrës"}, "narrative": "Report %d of a burst."}""".formatted(n, n);
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            HttpResponse<String> response = HTTP.send(request(stack.url(ServiceName.CASE) + "/api/cases")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? (String) JSON.readValue(response.body(), Map.class).get("id") : null;
        }, id -> id != null);
    }

    private void verify(String fault, List<String> cases) throws Exception {
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> {
                    Map<String, Integer> notified = screeningNotifications();
                    for (String c : cases) {
                        if (notified.getOrDefault(c, 0) < 1 || processes(c) < 1) {
                            return false;
                        }
                    }
                    return true;
                });
        // Give duplicates, if any, time to show before counting them.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        Map<String, Integer> notified = screeningNotifications();
        int processes = 0;
        int notifications = 0;
        int lost = 0;
        int duplicated = 0;
        for (String caseId : cases) {
            int p = processes(caseId);
            int n = notified.getOrDefault(caseId, 0);
            processes += p;
            notifications += n;
            lost += (p == 0 || n == 0) ? 1 : 0;
            duplicated += (p > 1 || n > 1) ? 1 : 0;
        }
        System.out.printf("faults: %s: %d reports, %d processes, %d notifications, %d lost, %d duplicated%n",
                fault, cases.size(), processes, notifications, lost, duplicated);
        assertThat(lost).as(fault + ": lost").isZero();
        assertThat(duplicated).as(fault + ": duplicated").isZero();
        assertThat(processes).isEqualTo(cases.size());
        assertThat(notifications).isEqualTo(cases.size());
    }

    private int processes(String caseId) throws Exception {
        return getList(stack.url(ServiceName.WORKFLOW) + "/engine-rest/history/process-instance?processDefinitionKey=emergency-response"
                + "&processInstanceBusinessKey=" + caseId).size();
    }

    /** For each case, how many notifications cpu got of a screening task created. */
    private Map<String, Integer> screeningNotifications() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> n : getList(stack.url(ServiceName.NOTIFICATION) + "/api/notifications?agency=cpu&limit=1000")) {
            if ("TaskCreated".equals(n.get("eventType"))) {
                counts.merge((String) n.get("caseId"), 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<Map<String, Object>> deadLetters(ServiceName service) throws Exception {
        return getList(stack.url(service) + "/api/dead-letters");
    }

    // --- Kafka from outside ------------------------------------------------------------------------------

    /** Sends every case event once more, marked, so that each consumer gets each event twice. */
    private static void duplicateEveryEvent(AtomicBoolean running, java.util.concurrent.CountDownLatch assigned) {
        Properties consumer = new Properties();
        consumer.putAll(stack.kafka().adminProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-duplicator");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> in = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> out = producer()) {
            in.subscribe(List.of(Topics.CASE_EVENTS, Topics.WORKFLOW_EVENTS));
            while (running.get()) {
                var records = in.poll(Duration.ofMillis(200));
                if (!in.assignment().isEmpty()) {
                    assigned.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.headers().lastHeader("caseflow-test-duplicate") == null) {
                        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                                record.headers());
                        copy.headers().add("caseflow-test-duplicate", new byte[] {1});
                        out.send(copy);
                    }
                }
            }
        }
    }

    private static void send(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> out = producer()) {
            out.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.putAll(stack.kafka().adminProperties());
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    // --- HTTP ----------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> getList(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return Collections.unmodifiableList(JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { }));
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes()));
    }
}
