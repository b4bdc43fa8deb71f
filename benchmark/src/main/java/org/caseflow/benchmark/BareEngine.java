package org.caseflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine alone, in this JVM, on its own database of the same PostgreSQL server, with the settings
 * workflow-service runs it with (history level full, authorization on, strong UUIDs as ids; job
 * executor off here: no job is on the measured path). With authorization on, the engine writes a grant
 * for each candidate group of a task it creates and removes it with the task, as in workflow-service;
 * the Java API calls here have no signed-in user, so no check is made, as for workflow-service's
 * Kafka listeners. It deploys every model, decision table and form of bpmn/. The delegates
 * the models name are beans of a plain map, each doing nothing: what is measured is the engine's own
 * work, not the services' outbox writes.
 *
 * <p>One instance: start {@code emergency-response} with the variables workflow-service starts it
 * with (the risk-level decision runs, and ScreenReport is created), find its ScreenReport task, and
 * complete it as "not a protection case" (isProtectionCase=false, riskLevel=LOW): the short path,
 * which publishes CaseScreened, decides the reporter's agency, informs it, publishes CaseClosed and
 * ends. Closed loop, on a number of threads, no Kafka.
 */
final class BareEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BareEngine.class);
    private static final String PROCESS = "emergency-response";

    /** @param threads threads starting and completing; @param instances done; @param perSecond instances per second */
    record Measurement(String what, int threads, long instances, double perSecond) {
    }

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    /**
     * @param historyLevel  as the services run: full unless the run sets camunda.bpm.history-level
     * @param authorization as the services run: on unless the run sets camunda.bpm.authorization.enabled
     */
    BareEngine(String jdbcUrl, Path modelDirectory, int maxThreads, String historyLevel, boolean authorization) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        // Like the service's default pool of 10, and never fewer connections than threads.
        pool.setMaximumPoolSize(Math.max(10, maxThreads + 2));
        pool.setPoolName("bare-engine");
        dataSource = new HikariDataSource(pool);

        JavaDelegate nothing = execution -> { };
        Map<Object, Object> beans = new HashMap<>();
        for (String delegate : List.of("publishCaseEvent", "recordCaseChange", "notifyAgencies", "computeDeadlines", "publishDeadlineMissed")) {
            beans.put(delegate, nothing);
        }
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-engine");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(historyLevel);
        configuration.setAuthorizationEnabled(authorization);
        configuration.setJobExecutorActivate(false);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
        deploy(modelDirectory);
    }

    private void deploy(Path modelDirectory) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare-engine");
        List<InputStream> opened = new ArrayList<>();
        try (Stream<Path> files = Files.walk(modelDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
                    InputStream stream = Files.newInputStream(file);
                    opened.add(stream);
                    deployment.addInputStream(modelDirectory.relativize(file).toString(), stream);
                }
            }
            deployment.deploy();
            for (InputStream stream : opened) {
                stream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deploy the models of " + modelDirectory, e);
        }
    }

    /** Start, then complete ScreenReport (the short path to the end), on the threads, for the duration. */
    Measurement startAndComplete(int threads, java.time.Duration duration) {
        return measure("start + complete ScreenReport", threads, duration, () -> {
            ProcessInstance instance = start();
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey("ScreenReport").singleResult();
            engine.getTaskService().complete(task.getId(), Map.of(
                    "isProtectionCase", false, "riskLevel", "LOW", "screeningReason", "x"));
        });
    }

    /** Start only, up to the first task: the engine's share of what the pipeline does per case. */
    Measurement startOnly(int threads, java.time.Duration duration) {
        return measure("start (to ScreenReport)", threads, duration, this::start);
    }

    private ProcessInstance start() {
        String caseId = UUID.randomUUID().toString();
        // The variables ProcedureStarter sets for a one-child neglect report from a school.
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("correlationId", UUID.randomUUID().toString());
        variables.put("reportSource", "SCHOOL");
        variables.put("immediateDanger", false);
        variables.put("concerns", "NEGLECT");
        variables.put("traffickingSuspected", false);
        variables.put("unaccompanied", false);
        variables.put("childCount", 1);
        variables.put("youngestChildAge", 9);
        return engine.getRuntimeService().createProcessInstanceByKey(PROCESS).businessKey(caseId)
                .setVariables(variables).execute();
    }

    private Measurement measure(String what, int threads, java.time.Duration duration, Runnable instance) {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    try {
                        instance.run();
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() == 1) {
                            log.warn("Bare engine: an instance failed", e);
                        }
                    }
                }
            }, "bare-engine-" + i);
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Measurement measurement = new Measurement(what, threads, done.get(), done.get() / seconds);
        log.info("Bare engine, {}, {} threads: {} instances, {}/s{}", what, threads, done.get(),
                String.format("%.1f", measurement.perSecond()), failed.get() > 0 ? ", " + failed.get() + " failed" : "");
        return measurement;
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
