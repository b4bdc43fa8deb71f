package org.caseflow.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run from Kafka's own
 * jars in this JVM. It keeps its log directory, so it can be stopped and started again on the same
 * ports with its topics and records intact: the local run keeps data that way, and tests use it to
 * take the broker away in the middle of a flow.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public LocalKafka(Path logDirectory, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker in a temporary directory on free ports, for tests. */
    public static LocalKafka temporary() {
        try {
            return new LocalKafka(Files.createTempDirectory("caseflow-kafka"), FreePorts.next(), FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized LocalKafka start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(logDirectory);
            Path config = writeConfig();
            format(config);
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(config)) {
                properties.load(reader);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            log.info("Kafka broker (KRaft) at {} with logs in {}", bootstrapServers(), logDirectory);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka in " + logDirectory, e);
        }
    }

    /** Stops the broker; its log directory stays, so {@link #start()} brings back the same topics. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker at {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.resolve("data").toString());
        p.setProperty("num.partitions", "6");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("log.retention.hours", "168");
        Path file = logDirectory.resolve("server.properties");
        try (var writer = Files.newBufferedWriter(file)) {
            p.store(writer, "caseflow local Kafka broker (KRaft)");
        }
        return file;
    }

    private void format(Path config) {
        Path clusterIdFile = logDirectory.resolve("cluster.id");
        try {
            String clusterId;
            if (Files.exists(clusterIdFile)) {
                clusterId = Files.readString(clusterIdFile).trim();
            } else {
                clusterId = Uuid.randomUuid().toString();
                Files.writeString(clusterIdFile, clusterId);
            }
            int code = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config.toString(),
                    "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
            if (code != 0) {
                throw new IllegalStateException("Formatting Kafka's log directory failed with code " + code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
