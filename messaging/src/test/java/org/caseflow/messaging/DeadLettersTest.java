package org.caseflow.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dead-letter store on its own: a record given up on is kept once however often it is given up,
 * observers hear of it once, and a replay sends its original bytes to the replay topic of the group that
 * gave it up, marked with the dead letter, and notes it.
 */
class DeadLettersTest {

    private static final String GROUP = "workflow-service";
    private static final String REPLAY_TOPIC = Topics.replayTopicOf(Topics.CASE_EVENTS, GROUP);
    private static final KafkaProbe probe = new KafkaProbe(MessagingTestSupport.INFRASTRUCTURE.kafka());

    private static KafkaTemplate<String, Object> kafka;
    private static final List<DeadLetter> heard = new ArrayList<>();
    private static DeadLetters deadLetters;

    @BeforeAll
    static void store() throws Exception {
        MessagingTestSupport.topics(Topics.CASE_EVENTS, REPLAY_TOPIC);
        // workflow-service may write its own replay topic of the case events, and no other service's.
        kafka = MessagingTestSupport.producer(KafkaPrincipals.WORKFLOW_SERVICE, MessagingTestSupport.INFRASTRUCTURE.kafka().bootstrapServers());
        deadLetters = new DeadLetters(MessagingTestSupport.jdbc(), kafka, List.of(heard::add));
    }

    @AfterAll
    static void close() {
        kafka.destroy();
    }

    @Test
    void aRecordGivenUpTwiceIsKeptOnceAndReplayedToTheGroupThatGaveItUp() {
        String caseId = UUID.randomUUID().toString();
        CaseStepRecorded event = MessagingTestSupport.step(caseId, UUID.randomUUID().toString(), "JointInterviewHeld");
        ConsumerRecord<String, Object> record = new ConsumerRecord<>(Topics.CASE_EVENTS, 3, offset(), caseId, event);
        heard.clear();

        deadLetters.record(record, GROUP, new IllegalStateException("no procedure runs for the case"));
        deadLetters.record(record, GROUP, new IllegalStateException("no procedure runs for the case"));

        List<DeadLetter> open = deadLetters.list(false, 1000).stream().filter(d -> caseId.equals(d.caseId())).toList();
        assertThat(open).singleElement().satisfies(d -> {
            assertThat(d.eventId()).isEqualTo(event.getEnvelope().getEventId());
            assertThat(d.eventType()).isEqualTo("CaseStepRecorded");
            assertThat(d.reason()).isEqualTo("IllegalStateException: no procedure runs for the case");
            assertThat(d.replayedAt()).isNull();
        });
        assertThat(heard).as("observers told once").extracting(DeadLetter::caseId).containsExactly(caseId);

        DeadLetter replayed = deadLetters.replay(open.get(0).id());

        assertThat(replayed.replayedAt()).isNotNull();
        assertThat(deadLetters.list(false, 1000)).extracting(DeadLetter::id).doesNotContain(replayed.id());
        assertThat(deadLetters.list(true, 1000)).extracting(DeadLetter::id).contains(replayed.id());
        assertThat(probe.readAll(REPLAY_TOPIC, caseId)).singleElement().satisfies(again -> {
            assertThat(CaseEvents.decode(again.value())).isEqualTo(event);
            assertThat(new String(again.headers().lastHeader(DeadLetters.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Long.toString(replayed.id()));
        });
    }

    @Test
    void replayingADeadLetterThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> deadLetters.replay(Long.MAX_VALUE)).isInstanceOf(DeadLetterNotFound.class);
    }

    /** An offset no other test used, so that each record is a record of its own. */
    private static long offset() {
        return System.nanoTime();
    }
}
