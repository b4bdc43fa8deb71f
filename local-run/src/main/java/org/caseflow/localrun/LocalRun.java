package org.caseflow.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run behind ./run.sh: starts everything on the embedded defaults, prints the addresses,
 * and stops everything cleanly on Ctrl-C. Data is kept in .local-data between runs; --clean starts
 * from nothing.
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            log.info("Usage: ./run.sh [--clean]\n  --clean  delete the data of earlier runs (.local-data) first");
            return;
        }
        Path dataDirectory = Path.of(System.getProperty("caseflow.data.directory", ".local-data")).toAbsolutePath();
        Path servicesDirectory = Path.of(System.getProperty("caseflow.services.directory", "local-run/target/services")).toAbsolutePath();
        if (arguments.contains("--clean")) {
            log.info("Deleting the data of earlier runs in {}", dataDirectory);
            deleteRecursively(dataDirectory);
        }
        Files.createDirectories(dataDirectory);

        LocalStack stack = new LocalStack(LocalStack.Settings.localRun(dataDirectory, servicesDirectory));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping...");
            stack.close();
            stopped.countDown();
        }, "local-run-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("The local run could not start: {}", e.getMessage());
            System.exit(1);
        }
        log.info("""

                caseflow is running (Ctrl-C stops everything; data is kept in {})
                  workflow-service      {}  (Tasklist for caseworkers at /camunda/app/tasklist, e.g. cpu.worker / demo; Cockpit for designer / demo; Admin for admin / demo; REST API at /engine-rest)
                  case-service          {}  (case file pages at /cases, e.g. cpu.worker / demo; REST API at /api/cases)
                  notification-service  {}  (GET /api/notifications?agency=cpu)
                  Kafka                 {}  (SASL/SCRAM-SHA-512: each service as itself; tools as admin / admin-secret, SASL/PLAIN)
                  PostgreSQL            jdbc:postgresql://localhost:{}/<service>_service (each as its own role, e.g. case_service / case_service)
                  logs                  {}
                """, dataDirectory, stack.url(ServiceName.WORKFLOW), stack.url(ServiceName.CASE),
                stack.url(ServiceName.NOTIFICATION), stack.kafkaBootstrapServers(), stack.postgres().port(),
                dataDirectory.resolve("logs"));
        watch(stack, stopped);
    }

    /** Tells the user, once, when a service dies under them. */
    private static void watch(LocalStack stack, CountDownLatch stopped) throws InterruptedException {
        List<ServiceName> reported = List.of();
        while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            List<ServiceName> dead = stack.deadServices();
            if (!dead.isEmpty() && !dead.equals(reported)) {
                for (ServiceName service : dead) {
                    log.error("{} has stopped; see {}", service.id(), stack.logFile(service));
                }
                reported = dead;
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
