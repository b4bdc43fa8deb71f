package org.caseflow.messaging;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.caseflow.events.CaseEvents;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox relay on its own, against a real PostgreSQL and a real broker: rows leave in the order they
 * were written, two relays at once send each row once, and rows written while the broker is away wait
 * and then leave, in order, with nothing lost.
 */
class OutboxRelayTest {

    private static final TestInfrastructure infrastructure = MessagingTestSupport.INFRASTRUCTURE;
    private static final KafkaProbe probe = new KafkaProbe(infrastructure.kafka());
    private static final String TOPIC = Topics.WORKFLOW_EVENTS;

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static Outbox outbox;

    private final List<KafkaTemplate<String, Object>> producers = new ArrayList<>();

    @BeforeAll
    static void databaseAndTopic() throws Exception {
        jdbc = MessagingTestSupport.jdbc();
        transactions = MessagingTestSupport.transactions();
        outbox = new Outbox(jdbc, () -> { });
        MessagingTestSupport.topics(TOPIC);
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from outbox_event").update();
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(KafkaTemplate::destroy);
    }

    @Test
    void rowsLeaveInTheOrderTheyWereWrittenEachCaseInItsOwnOrder() {
        List<String> cases = List.of(caseId(), caseId(), caseId());
        Map<String, List<String>> written = write(cases, 20, 4);
        OutboxRelay relay = relay(producer(infrastructure.kafka().bootstrapServers()), 7);

        int batches = 0;
        while (relay.backlog() > 0) {
            assertThat(relay.relayBatch()).isBetween(1, 7);
            batches++;
        }

        assertThat(batches).as("60 rows, 7 a batch").isEqualTo(9);
        cases.forEach(caseId -> assertThat(published(caseId)).as("case " + caseId).isEqualTo(written.get(caseId)));
    }

    @Test
    void twoRelaysAtOnceSendEveryRowOnceAndInOrder() throws Exception {
        List<String> cases = List.of(caseId(), caseId(), caseId(), caseId());
        Map<String, List<String>> written = write(cases, 50, 10);
        OutboxRelay first = relay(producer(infrastructure.kafka().bootstrapServers()), 9);
        OutboxRelay second = relay(producer(infrastructure.kafka().bootstrapServers()), 9);

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (OutboxRelay relay : List.of(first, second)) {
                sent.add(both.submit(() -> {
                    int total = 0;
                    while (relay.backlog() > 0) {
                        total += relay.relayBatch();
                    }
                    return total;
                }));
            }
            int total = sent.get(0).get(60, TimeUnit.SECONDS) + sent.get(1).get(60, TimeUnit.SECONDS);
            assertThat(total).as("rows the two relays sent between them").isEqualTo(200);
        } finally {
            both.shutdownNow();
        }
        cases.forEach(caseId -> assertThat(published(caseId)).as("case " + caseId + ": each once, in order")
                .isEqualTo(written.get(caseId)));
    }

    @Test
    void whileTheBrokerIsAwayRowsWaitAndThenLeaveInOrder() throws Exception {
        String caseId = caseId();
        Map<String, List<String>> written = write(List.of(caseId), 12, 3);
        OutboxRelay away = relay(producer("localhost:" + freePort()), 5);

        assertThatThrownBy(away::relayBatch).isInstanceOf(OutboxRelayException.class).hasMessageContaining("Could not publish event");
        assertThat(away.backlog()).as("nothing lost, nothing half-sent").isEqualTo(12);
        assertThat(published(caseId)).isEmpty();

        OutboxRelay back = relay(producer(infrastructure.kafka().bootstrapServers()), 5);
        while (back.backlog() > 0) {
            back.relayBatch();
        }
        assertThat(published(caseId)).isEqualTo(written.get(caseId));
    }

    @Test
    void thePauseBetweenFailedAttemptsDoublesUpToTheLongest() {
        Duration pause = Duration.ofMillis(500);
        List<Long> pauses = new ArrayList<>();
        for (int attempt = 0; attempt < 7; attempt++) {
            pause = OutboxRelay.nextPause(pause, Duration.ofSeconds(10));
            pauses.add(pause.toMillis());
        }
        assertThat(pauses).containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
    }

    /** Writes the cases' events round-robin, a few to a transaction as services do; returns each case's event ids in order. */
    private static Map<String, List<String>> write(List<String> cases, int perCase, int perTransaction) {
        Map<String, List<String>> written = new HashMap<>();
        List<String[]> all = new ArrayList<>();
        for (int i = 0; i < perCase; i++) {
            for (String caseId : cases) {
                String eventId = UUID.randomUUID().toString();
                written.computeIfAbsent(caseId, c -> new ArrayList<>()).add(eventId);
                all.add(new String[] {caseId, eventId, "Step" + i});
            }
        }
        for (int from = 0; from < all.size(); from += perTransaction) {
            List<String[]> some = all.subList(from, Math.min(all.size(), from + perTransaction));
            transactions.executeWithoutResult(status -> some.forEach(e -> outbox.append(TOPIC, MessagingTestSupport.step(e[0], e[1], e[2]))));
        }
        return written;
    }

    /** The event ids published for the case, in the order its partition holds them. */
    private static List<String> published(String caseId) {
        return probe.readAll(TOPIC, caseId).stream().map(r -> CaseEvents.envelopeOf(CaseEvents.decode(r.value())).getEventId()).toList();
    }

    private OutboxRelay relay(KafkaTemplate<String, Object> kafka, int batchSize) {
        return new OutboxRelay(jdbc, transactions, kafka,
                new MessagingProperties.Outbox(Duration.ofMillis(50), batchSize, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    /** A producer as workflow-service's, closed after the test. */
    private KafkaTemplate<String, Object> producer(String bootstrapServers) {
        KafkaTemplate<String, Object> template = MessagingTestSupport.producer(KafkaPrincipals.WORKFLOW_SERVICE, bootstrapServers);
        producers.add(template);
        return template;
    }

    private static String caseId() {
        return UUID.randomUUID().toString();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
