package org.caseflow.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.caseflow.infra.FreePorts;
import org.caseflow.infra.LocalKafka;
import org.caseflow.infra.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: one PostgreSQL server with a database per service, one Kafka
 * broker in KRaft mode, and the three services as their own JVMs. ./run.sh uses it with the fixed
 * local ports and durable data; the end-to-end tests with free ports and throw-away data.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /**
     * @param dataDirectory where Kafka's logs, the services' logs and (when durable) PostgreSQL's data go
     * @param durable       keep PostgreSQL's data with fsync on (the local run), or throw it away (tests)
     * @param servicesDirectory the services' runnable jars, named after the services
     * @param profiles      Spring profiles the services run with
     * @param jvmOptions    options for each service's JVM
     * @param environment   settings for one service beyond the stack's own (Spring environment variables)
     * @param extraNodePorts for a service run as several nodes, the ports of the nodes after the first
     */
    public record Settings(Path dataDirectory, boolean durable, int postgresPort, int kafkaPort, int kafkaControllerPort,
                           Map<ServiceName, Integer> servicePorts, Path servicesDirectory, String profiles,
                           List<String> jvmOptions, Duration startTimeout, Map<ServiceName, Map<String, String>> environment,
                           Map<ServiceName, List<Integer>> extraNodePorts) {

        public Settings {
            environment = Map.copyOf(environment);
            extraNodePorts = Map.copyOf(extraNodePorts);
        }

        public Settings(Path dataDirectory, boolean durable, int postgresPort, int kafkaPort, int kafkaControllerPort,
                        Map<ServiceName, Integer> servicePorts, Path servicesDirectory, String profiles,
                        List<String> jvmOptions, Duration startTimeout) {
            this(dataDirectory, durable, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, servicesDirectory,
                    profiles, jvmOptions, startTimeout, Map.of(), Map.of());
        }

        /** These settings with other options for each service's JVM. */
        public Settings withJvmOptions(List<String> options) {
            return new Settings(dataDirectory, durable, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
                    servicesDirectory, profiles, List.copyOf(options), startTimeout, environment, extraNodePorts);
        }

        /**
         * These settings with the service run as {@code count} nodes on the same database and broker, the
         * nodes after the first on free ports (tests of several nodes; a load balancer is the caller's).
         */
        public Settings withNodes(ServiceName service, int count) {
            Map<ServiceName, List<Integer>> all = new EnumMap<>(ServiceName.class);
            all.putAll(extraNodePorts);
            all.put(service, java.util.stream.IntStream.range(1, count).mapToObj(n -> FreePorts.next()).toList());
            return new Settings(dataDirectory, durable, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
                    servicesDirectory, profiles, jvmOptions, startTimeout, environment, all);
        }

        /** These settings with more environment for one service (a value given before for the same name is replaced). */
        public Settings withEnvironment(ServiceName service, Map<String, String> more) {
            Map<ServiceName, Map<String, String>> all = new EnumMap<>(ServiceName.class);
            all.putAll(environment);
            Map<String, String> merged = new HashMap<>(environment.getOrDefault(service, Map.of()));
            merged.putAll(more);
            all.put(service, Map.copyOf(merged));
            return new Settings(dataDirectory, durable, postgresPort, kafkaPort, kafkaControllerPort, servicePorts,
                    servicesDirectory, profiles, jvmOptions, startTimeout, all, extraNodePorts);
        }

        /** The local run: the ports of the README, data kept in the directory. */
        public static Settings localRun(Path dataDirectory, Path servicesDirectory) {
            Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
            for (ServiceName service : ServiceName.values()) {
                ports.put(service, service.localPort());
            }
            return new Settings(dataDirectory, true, 5433, 9092, 9093, ports, servicesDirectory, "local",
                    List.of("-Xmx512m", "-XX:+UseSerialGC"), Duration.ofMinutes(5));
        }

        /**
         * Fault tests: free ports, and a PostgreSQL that keeps its data in the (temporary) directory, so
         * that it can be stopped and started again in the middle of a flow.
         */
        public static Settings forFaultTests(Path dataDirectory, Path servicesDirectory) {
            Settings tests = forTests(dataDirectory, servicesDirectory);
            return new Settings(dataDirectory, true, FreePorts.next(), tests.kafkaPort(), tests.kafkaControllerPort(),
                    tests.servicePorts(), servicesDirectory, tests.profiles(), tests.jvmOptions(), tests.startTimeout());
        }

        /** Tests: free ports, throw-away data. */
        public static Settings forTests(Path dataDirectory, Path servicesDirectory) {
            Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
            for (ServiceName service : ServiceName.values()) {
                ports.put(service, FreePorts.next());
            }
            return new Settings(dataDirectory, false, 0, FreePorts.next(), FreePorts.next(), ports, servicesDirectory, "local",
                    List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Duration.ofMinutes(4));
        }
    }

    private final Settings settings;
    /** Each service's nodes, the first one first (most runs have one node of each). */
    private final Map<ServiceName, List<ServiceProcess>> services = new EnumMap<>(ServiceName.class);
    private LocalPostgres postgres;
    private LocalKafka kafka;

    public LocalStack(Settings settings) {
        this.settings = settings;
    }

    public LocalStack start() {
        if (settings.durable()) {
            requireFree(settings.postgresPort(), "PostgreSQL");
            requireFree(settings.kafkaPort(), "Kafka");
            requireFree(settings.kafkaControllerPort(), "Kafka's controller");
            settings.servicePorts().forEach((service, port) -> requireFree(port, service.id()));
        }
        postgres = settings.durable()
                ? LocalPostgres.durable(settings.dataDirectory().resolve("postgres"), settings.postgresPort())
                : LocalPostgres.temporary();
        kafka = new LocalKafka(settings.dataDirectory().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()).start();
        for (ServiceName service : ServiceName.values()) {
            List<Integer> ports = new ArrayList<>(List.of(settings.servicePorts().get(service)));
            ports.addAll(settings.extraNodePorts().getOrDefault(service, List.of()));
            List<ServiceProcess> nodes = new ArrayList<>();
            for (int node = 1; node <= ports.size(); node++) {
                Map<String, String> environment = new HashMap<>();
                environment.put("SPRING_DATASOURCE_URL", postgres.database(service.database()));
                environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
                environment.put("SPRING_PROFILES_ACTIVE", settings.profiles());
                environment.putAll(links());
                if (ports.size() > 1) {
                    environment.putAll(nodeSettings(service, node));
                }
                environment.putAll(settings.environment().getOrDefault(service, Map.of()));
                String name = node == 1 ? service.id() : service.id() + "-" + node;
                nodes.add(new ServiceProcess(service, settings.servicesDirectory().resolve(service.id() + ".jar"),
                        ports.get(node - 1), environment, settings.jvmOptions(),
                        settings.dataDirectory().resolve("logs").resolve(name + ".log")));
            }
            services.put(service, nodes);
        }
        // Every node at once, as a cluster's nodes start: each must cope with the others starting beside it.
        allNodes().forEach(ServiceProcess::start);
        List<CompletableFuture<Void>> health = new ArrayList<>();
        for (ServiceProcess service : allNodes()) {
            health.add(CompletableFuture.runAsync(() -> service.awaitHealthy(settings.startTimeout())));
        }
        try {
            CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return this;
    }

    /**
     * Where the services point people: the case file page in case-service, a task in workflow-service's
     * Tasklist. Each service reads only its own settings; unread ones are harmless.
     */
    private Map<String, String> links() {
        String caseFile = url(ServiceName.CASE) + "/cases/{caseId}";
        String tasklist = url(ServiceName.WORKFLOW) + "/camunda/app/tasklist/default/";
        String task = tasklist + "#/?task={taskId}";
        return Map.of(
                "CASEFLOW_WORKFLOW_CASEFILEURL", caseFile,
                "CASEFLOW_CASES_PAGES_TASKURL", task,
                "CASEFLOW_CASES_PAGES_TASKLIST", tasklist,
                "CASEFLOW_NOTIFICATIONS_LINKS_CASEURL", caseFile,
                "CASEFLOW_NOTIFICATIONS_LINKS_TASKURL", task);
    }

    /**
     * What a node of several is told: workflow-service its name in the engine's job log, and that the
     * history clean-up is the first node's alone (docs/scaling.md).
     */
    private static Map<String, String> nodeSettings(ServiceName service, int node) {
        if (service != ServiceName.WORKFLOW) {
            return Map.of();
        }
        return Map.of("CASEFLOW_WORKFLOW_NODE_NAME", service.id() + "-" + node,
                "CASEFLOW_WORKFLOW_NODE_HISTORYCLEANUP", Boolean.toString(node == 1));
    }

    private List<ServiceProcess> allNodes() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    /** The first node of the service. */
    public String url(ServiceName service) {
        return "http://localhost:" + settings.servicePorts().get(service);
    }

    /** One node of the service, counted from 1. */
    public String url(ServiceName service, int node) {
        return services.get(service).get(node - 1).baseUrl();
    }

    /** How many nodes of the service run (or ran) here. */
    public int nodes(ServiceName service) {
        return services.get(service).size();
    }



    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public Path logFile(ServiceName service) {
        return first(service).logFile();
    }

    /** Stops one service gracefully, as an operator would. */
    public void stopService(ServiceName service) {
        first(service).stop(Duration.ofSeconds(30));
    }

    /** Kills one service at once, as a crash would. */
    public void killService(ServiceName service) {
        first(service).kill();
    }

    /** Kills one node of the service at once (counted from 1), as a crash of its machine would. */
    public void killNode(ServiceName service, int node) {
        services.get(service).get(node - 1).kill();
    }

    /** Freezes one node (counted from 1), as a machine that hangs would: it keeps its locks and connections. */
    public void pauseNode(ServiceName service, int node) {
        services.get(service).get(node - 1).pause();
    }

    /** Lets a frozen node go on. */
    public void resumeNode(ServiceName service, int node) {
        services.get(service).get(node - 1).resume();
    }

    /** Starts a stopped service again and waits until it is healthy. */
    public void startService(ServiceName service) {
        ServiceProcess process = first(service);
        process.start();
        process.awaitHealthy(settings.startTimeout());
    }

    private ServiceProcess first(ServiceName service) {
        return services.get(service).get(0);
    }

    /** Stops the PostgreSQL server (every service's database), as an outage would. Needs durable settings. */
    public void stopPostgres() {
        if (!settings.durable()) {
            throw new IllegalStateException("A throw-away PostgreSQL cannot be restarted: use durable settings");
        }
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port with the same data. */
    public void startPostgres() {
        postgres = LocalPostgres.durable(settings.dataDirectory().resolve("postgres"), settings.postgresPort());
    }

    /** Whether every service still runs. */
    public List<ServiceName> deadServices() {
        return allNodes().stream().filter(s -> !s.isAlive()).map(ServiceProcess::name).distinct().toList();
    }

    /** Stops the services first (they finish and flush their work), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess service : allNodes()) {
            stops.add(CompletableFuture.runAsync(() -> service.stop(Duration.ofSeconds(30))));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        log.info("Everything stopped");
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Port " + port + " for " + what
                    + " is taken: is another local run going? Stop it, or free the port.", e));
        }
    }
}
