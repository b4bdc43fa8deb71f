package org.caseflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.caseflow.infra.FreePorts;
import org.caseflow.localrun.LocalStack;
import org.caseflow.localrun.ServiceName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: starts the system as the local run does (PostgreSQL, a Kafka broker, the three
 * services in their own JVMs, on free ports and throw-away data), offers reports at rising rates,
 * then measures the bare engine on the same PostgreSQL server, and prints the table (also written as
 * CSV to benchmark-results/).
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final String START_AND_COMPLETE = "start + complete ScreenReport";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            log.info("\n{}", Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            log.error("{}\n{}", e.getMessage(), Options.USAGE);
            System.exit(2);
            return;
        }
        Path data = Files.createTempDirectory("caseflow-benchmark");
        Path services = copyServices(options.servicesDirectory(), data.resolve("services"));
        Results results = new Results(Machine.describe(), options.fsync(), options.properties(), options.poll());
        LocalStack stack = new LocalStack(settings(options, data, services));
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(close, "benchmark-shutdown"));
        try {
            log.info("Starting PostgreSQL (fsync {}), Kafka and the services; data and logs in {}", options.fsync() ? "on" : "off", data);
            stack.start();
            if (options.pipeline()) {
                runPipeline(stack, options, results);
            }
            if (options.bareEngine()) {
                // Not at the same time: the services go, PostgreSQL stays.
                for (ServiceName service : ServiceName.values()) {
                    stack.stopService(service);
                }
                results.speed("before the bare engine", Machine.speed());
                runBareEngine(stack, options, results);
            }
            results.speed("at the end", Machine.speed());
        } finally {
            close.run();
            results.print(System.out);
            Path csv = results.writeCsv(options.resultsDirectory());
            log.info("Results written to {}", csv);
            Path logs = options.resultsDirectory().resolve(csv.getFileName().toString().replace(".csv", "-logs"));
            Files.move(data.resolve("logs"), logs);
            log.info("The services' logs are in {}", logs);
            deleteRecursively(data);
        }
    }

    private static void runPipeline(LocalStack stack, Options options, Results results) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(ServiceName.CASE.id(), stack.url(ServiceName.CASE));
        urls.put(ServiceName.WORKFLOW.id(), stack.url(ServiceName.WORKFLOW));
        urls.put(ServiceName.NOTIFICATION.id(), stack.url(ServiceName.NOTIFICATION));
        Pipeline pipeline = new Pipeline(stack.url(ServiceName.CASE), stack.url(ServiceName.WORKFLOW),
                stack.url(ServiceName.NOTIFICATION), options.poll(), new ServiceMemory(urls, options.authorization()),
                new CpuTimes(Results.SERVICES, stack.postgres().port()),
                new DatabaseWork(stack.postgres().jdbcUrl("postgres"), Results.DATABASES),
                options.authorization());

        if (!options.warmUp().isZero()) {
            // A staircase (a quarter, a half, then the whole warm-up rate, a third of the time each): cold
            // JVMs compiling with full JIT fall behind at once at the whole rate, and the backlog they
            // build spills into the measured phases, which then measure the warm-up.
            for (int rate : new TreeSet<>(List.of(Math.max(1, options.warmUpRate() / 4),
                    Math.max(1, options.warmUpRate() / 2), options.warmUpRate()))) {
                results.add(pipeline.run("warm-up", rate, options.warmUp().dividedBy(3), options.drain()));
                pipeline.settle(Duration.ofSeconds(30));
            }
        }
        // Here, not at the start: the first reading of a fresh JVM came out some 10 % low in every run.
        results.speed("before the rising phases", Machine.speed());
        for (int rate : options.rates()) {
            PhaseResult phase = pipeline.run("rising", rate, options.phase(), options.drain());
            results.add(phase);
            if (!phase.held()) {
                // Beyond what the system carries: higher rates would only pile up a backlog.
                pipeline.settle(Duration.ofSeconds(60));
                break;
            }
            pipeline.settle(Duration.ofSeconds(10));
        }
        results.bestHeld().ifPresent(best -> {
            int half = (int) Math.max(1, Math.round(best.sustained() / 2));
            results.add(pipeline.run("half", half, options.phase(), options.drain()));
        });
    }

    private static void runBareEngine(LocalStack stack, Options options, Results results) {
        int mostThreads = options.bareThreads().stream().max(Comparator.naturalOrder()).orElse(1);
        try (BareEngine engine = new BareEngine(stack.postgres().database("bare_engine"), options.modelDirectory(), mostThreads,
                options.properties().getOrDefault("camunda.bpm.history-level", "full"),
                Boolean.parseBoolean(options.properties().getOrDefault("camunda.bpm.authorization.enabled", "true")))) {
            log.info("Bare engine warming up for {}", options.bareWarmUp());
            engine.startAndComplete(mostThreads, options.bareWarmUp());
            for (int threads : options.bareThreads()) {
                results.add(engine.startAndComplete(threads, options.bare()));
            }
            int best = results.bestBare(START_AND_COMPLETE).map(BareEngine.Measurement::threads).orElse(mostThreads);
            results.add(engine.startOnly(best, options.bare()));
        }
    }

    /** The jars run from a copy: a build during the run must not replace them under the running services. */
    private static Path copyServices(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (ServiceName service : ServiceName.values()) {
            Path jar = from.resolve(service.id() + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No runnable jar for " + service.id() + " at " + jar
                        + ": build first (./mvnw -pl benchmark -am package -DskipTests)");
            }
            Files.copy(jar, to.resolve(jar.getFileName()));
        }
        return to;
    }

    private static LocalStack.Settings settings(Options options, Path data, Path services) {
        Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            ports.put(service, FreePorts.next());
        }
        // durable = fsync and synchronous commit on (LocalPostgres.durable), in the throw-away directory.
        return new LocalStack.Settings(data, options.fsync(), options.fsync() ? FreePorts.next() : 0,
                FreePorts.next(), FreePorts.next(), ports, services, "local",
                options.serviceJvmOptions(), Duration.ofMinutes(5));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
