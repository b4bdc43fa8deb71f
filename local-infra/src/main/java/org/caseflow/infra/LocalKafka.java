package org.caseflow.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run from Kafka's own
 * jars in this JVM. It keeps its log directory, so it can be stopped and started again on the same
 * ports with its topics and records intact: the local run keeps data that way, and tests use it to
 * take the broker away in the middle of a flow.
 *
 * <p>As in production, every client signs in (SASL/SCRAM-SHA-512) and may do only what the ACLs
 * allow ({@link KafkaPrincipals}): each service writes its own topic and reads those it consumes.
 * The broker and its controller speak among themselves as {@link #ADMIN} (SASL/PLAIN), who is also
 * the super user tests and tools look at the broker with.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    /** The broker's own principal and the super user of tests and tools: local only. */
    public static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final String SCRAM = "SCRAM-SHA-512";

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
            KafkaPrincipals.grant(adminProperties());
            log.info("Kafka broker (KRaft) at {} with logs in {}, SASL/SCRAM and ACLs on", bootstrapServers(), logDirectory);
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

    /** The super user's client properties, for tests and tools that look at everything. */
    public Map<String, Object> adminProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + ADMIN + "\" password=\"" + ADMIN_PASSWORD + "\";");
        return properties;
    }

    /** The JAAS line of a SCRAM client. */
    public static String jaas(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
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
        p.setProperty("listeners", "SASL_PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "SASL_PLAINTEXT://localhost:" + port);
        p.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        // Clients sign in with SCRAM (credentials kept in the cluster's metadata); the broker and its
        // controller with PLAIN, whose one user is configured here, as the controller cannot read SCRAM.
        p.setProperty("sasl.enabled.mechanisms", "PLAIN," + SCRAM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\";";
        p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", plain);
        p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.setProperty("listener.name.controller.plain.sasl.jaas.config", plain);
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.setProperty("super.users", "User:" + ADMIN);
        p.setProperty("allow.everyone.if.no.acl.found", "false");
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
