package org.caseflow.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One service running as its own JVM from its runnable jar, its output in a log file. */
final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Jars added to the service's class path, when its environment names any. */
    static final String LOADER_PATH = "LOADER_PATH";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceName name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private Process process;

    ServiceProcess(ServiceName name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.logFile = logFile;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar for " + name.id() + " at " + jar + ": build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A session of its own: Ctrl-C reaches the launcher alone, which stops the services in order.
            command.add(SETSID.toString());
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        if (environment.containsKey(LOADER_PATH)) {
            // More jars on the service's class path (tests only): Spring Boot's PropertiesLauncher reads
            // LOADER_PATH; the jar's own launcher does not.
            command.add("-cp");
            command.add(jar.toString());
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add("-jar");
            command.add(jar.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name.id(), e);
        }
        log.info("{} starting on port {} (pid {}, log {})", name.id(), port, process.pid(), logFile);
    }

    /** Waits until /actuator/health answers UP; fails early, with the log's tail, if the process dies. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name.id() + " exited during start-up; the end of " + logFile + ":\n" + tail(40));
            }
            if (isHealthy()) {
                log.info("{} is up at {}", name.id(), baseUrl());
                return;
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name.id() + " not healthy after " + timeout.toSeconds() + " s; the end of " + logFile + ":\n" + tail(40));
    }

    boolean isHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process id while the service runs. */
    synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name.id() + " does not run");
        }
        return process.pid();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the service gracefully (SIGTERM, so Spring finishes its work), forcibly after the grace period. */
    synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; killing it", name.id(), grace.toSeconds());
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Kills the service at once, as a crash would. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Freezes the service (SIGSTOP), as a machine that hangs: it holds what it held, and does nothing. */
    synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a frozen service go on (SIGCONT). */
    synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + name.id(), e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    ServiceName name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service", e);
        }
    }
}
