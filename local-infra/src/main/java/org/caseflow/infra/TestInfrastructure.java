package org.caseflow.infra;

/**
 * One PostgreSQL server and one Kafka broker shared by the tests of a JVM, started on first use on free
 * ports with throw-away data, and stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    private TestInfrastructure() {
        postgres = LocalPostgres.temporary();
        kafka = LocalKafka.temporary().start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "test-kafka-shutdown"));
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = new TestInfrastructure();
        }
        return shared;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }
}
