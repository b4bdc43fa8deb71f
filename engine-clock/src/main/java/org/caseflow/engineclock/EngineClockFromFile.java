package org.caseflow.engineclock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Sets the engine's clock ({@link ClockUtil}, which the job executor, the timers and the procedure's
 * steps read) to the instant written in the file {@code caseflow.test.engine-clock.file}, or back to
 * the real time when the file is empty, and writes what it applied to {@code <file>.applied}, so that a
 * test knows when the clock has moved. The clock stands still at the instant written.
 */
@AutoConfiguration
@ConditionalOnProperty("caseflow.test.engine-clock.file")
public class EngineClockFromFile implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EngineClockFromFile.class);

    private final Path file;
    private final Path applied;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "engine-clock");
        thread.setDaemon(true);
        return thread;
    });
    /** What was applied last; none at first, so that the first look writes what it found (the real time, mostly). */
    private String current;

    public EngineClockFromFile(@Value("${caseflow.test.engine-clock.file}") Path file) {
        this.file = file;
        this.applied = file.resolveSibling(file.getFileName() + ".applied");
        log.warn("TEST ONLY: the engine clock follows {}", file);
        watcher.scheduleWithFixedDelay(this::follow, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            String wanted = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            if (wanted.equals(current)) {
                return;
            }
            if (wanted.isEmpty()) {
                ClockUtil.reset();
            } else {
                ClockUtil.setCurrentTime(Date.from(Instant.parse(wanted)));
            }
            current = wanted;
            Files.writeString(applied, wanted, StandardCharsets.UTF_8);
            log.warn("TEST ONLY: engine clock {}", wanted.isEmpty() ? "back to the real time" : "at " + wanted);
        } catch (IOException | RuntimeException e) {
            log.error("TEST ONLY: could not follow the engine clock file {}", file, e);
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
