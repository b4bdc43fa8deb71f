package org.caseflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the running system open loop and watches each case arrive at every stage.
 *
 * <p>The driver sends reports at fixed intervals whatever the answers do (arrivals never wait for the
 * system), asynchronously. The observer, one thread, looks every poll interval, and only while some
 * cases are under way, with one query per stage whose answer stays small however many cases the run
 * has made: the {@code ScreenReport} tasks created since the oldest case still awaiting its task was
 * reported, less 100 ms ({@code POST /engine-rest/task} with {@code createdAfter}, an indexed
 * column; the process instances of tasks not seen before give their business keys), and the newest
 * notifications of the Child Protection Unit ({@code GET /api/notifications?agency=cpu&limit=n}). Under
 * an overload it polls less often (about 0.5 ms between polls per row answered), so the watching does
 * not add to the load it watches. A stage's latency is measured to the first poll that sees it: at
 * most one poll interval late while the system keeps up.
 */
final class Pipeline {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final int TASKS_PER_PAGE = 1000;
    /** The engine REST API's date format. */
    private static final DateTimeFormatter ENGINE_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneId.systemDefault());
    /** System.nanoTime() and the wall clock at one moment, to turn a due time into the engine's time. */
    private static final long NANO_ORIGIN = System.nanoTime();
    private static final long WALL_ORIGIN = System.currentTimeMillis();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String caseService;
    private final String workflowService;
    private final String notificationService;
    private final Duration poll;
    private final ServiceMemory memory;
    private final CpuTimes cpu;
    private final DatabaseWork database;
    private final String authorization;
    private final Map<String, String> businessKeyByInstance = new ConcurrentHashMap<>();
    private List<TrackedCase> previousPhase = List.of();

    Pipeline(String caseService, String workflowService, String notificationService, Duration poll, ServiceMemory memory,
             CpuTimes cpu, DatabaseWork database, String authorization) {
        this.caseService = caseService;
        this.workflowService = workflowService;
        this.notificationService = notificationService;
        this.poll = poll;
        this.memory = memory;
        this.cpu = cpu;
        this.database = database;
        this.authorization = authorization;
    }

    PhaseResult run(String name, int rate, Duration length, Duration drain) {
        int count = (int) Math.max(1, Math.round(rate * length.toMillis() / 1000.0));
        List<TrackedCase> cases = new ArrayList<>(count);
        Map<String, TrackedCase> byCaseId = new ConcurrentHashMap<>();
        log.info("Phase {}: {} reports/s for {} s", name, rate, length.toSeconds());

        CpuTimes.Reading cpuBefore = cpu.read();
        Map<String, long[]> databaseBefore = database.read();
        Observer observer = new Observer(cases, byCaseId);
        Thread watching = new Thread(observer, "observer");
        watching.start();

        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            TrackedCase tracked = new TrackedCase(due);
            synchronized (cases) {
                cases.add(tracked);
            }
            answers.add(report(tracked, byCaseId));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        long sendingEnded = System.nanoTime();
        long drainDeadline = sendingEnded + drain.toNanos();
        while (System.nanoTime() < drainDeadline && !cases.stream().allMatch(TrackedCase::settled)) {
            sleep(Duration.ofMillis(100));
        }
        CpuTimes.Reading cpuAfter = cpu.read();
        Map<String, long[]> databaseAfter = database.read();
        observer.stop();
        try {
            watching.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        previousPhase = cases;
        PhaseResult result = summarise(name, rate, cases, start, memory.sample(), cpuBefore, cpuAfter,
                databaseBefore, databaseAfter);
        log.info("Phase {}: {} sent, {} accepted, {} completed, {} cases/s sustained; to task p99 {} ms, to notification p99 {} ms{}",
                name, result.sent(), result.accepted(), result.completed(), String.format("%.1f", result.sustained()),
                String.format("%.0f", result.task().p99()), String.format("%.0f", result.notified().p99()),
                result.held() ? "" : " (rate not held)");
        return result;
    }

    /**
     * Waits, up to the limit, until the cases of the last phase have gone through and the outboxes are
     * empty, so they do not weigh on the next phase. Their stages are no longer timed.
     */
    void settle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Observer observer = new Observer(previousPhase, new ConcurrentHashMap<>(caseIds(previousPhase)));
        Thread watching = new Thread(observer, "settling");
        watching.start();
        while (System.nanoTime() < deadline && !previousPhase.stream().allMatch(TrackedCase::settled)) {
            sleep(Duration.ofMillis(500));
        }
        observer.stop();
        long backlog = backlog();
        while (backlog > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
            backlog = backlog();
        }
        log.info("Settled: {} cases of the last phase still under way, outbox backlogs {}",
                previousPhase.stream().filter(c -> !c.settled()).count(), backlog);
    }

    private static Map<String, TrackedCase> caseIds(List<TrackedCase> cases) {
        Map<String, TrackedCase> byCaseId = new HashMap<>();
        for (TrackedCase tracked : cases) {
            if (tracked.caseId != null) {
                byCaseId.put(tracked.caseId, tracked);
            }
        }
        return byCaseId;
    }

    private long backlog() {
        long total = 0;
        for (String service : List.of(caseService, workflowService, notificationService)) {
            try {
                JsonNode metric = get(service + "/actuator/metrics/caseflow.outbox.backlog");
                total += metric.path("measurements").path(0).path("value").asLong();
            } catch (IOException | RuntimeException e) {
                log.debug("No backlog from {}: {}", service, e.getMessage());
            }
        }
        return total;
    }

    private CompletableFuture<?> report(TrackedCase tracked, Map<String, TrackedCase> byCaseId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(caseService + "/api/cases"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(REPORT))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long now = System.nanoTime();
            if (failure != null || response.statusCode() != 201) {
                tracked.failed = true;
                log.warn("Report not accepted: {}", failure != null ? failure.toString() : response.statusCode() + " " + response.body());
                return null;
            }
            try {
                String caseId = json.readTree(response.body()).path("id").asText();
                tracked.caseId = caseId;
                byCaseId.put(caseId, tracked);
                tracked.acceptedAt = now;
            } catch (IOException e) {
                tracked.failed = true;
            }
            return null;
        });
    }

    private PhaseResult summarise(String name, int rate, List<TrackedCase> cases, long start,
                                  Map<String, ServiceMemory.Sample> memory, CpuTimes.Reading cpuBefore,
                                  CpuTimes.Reading cpuAfter, Map<String, long[]> databaseBefore,
                                  Map<String, long[]> databaseAfter) {
        List<TrackedCase> all;
        synchronized (cases) {
            all = List.copyOf(cases);
        }
        int accepted = (int) all.stream().filter(TrackedCase::accepted).count();
        List<TrackedCase> completed = all.stream().filter(TrackedCase::complete).toList();
        long lastCompletion = completed.stream().mapToLong(c -> Math.max(c.taskVisibleAt, c.notifiedAt)).max().orElse(start);
        double sustained = completed.isEmpty() ? 0 : completed.size() / ((lastCompletion - start) / 1e9);
        return new PhaseResult(name, rate, all.size(), accepted, completed.size(), sustained,
                Latencies.of(all.stream().filter(TrackedCase::accepted).mapToLong(c -> c.acceptedAt - c.dueAt).toArray()),
                Latencies.of(all.stream().filter(c -> c.taskVisibleAt != TrackedCase.NOT_YET).mapToLong(c -> c.taskVisibleAt - c.dueAt).toArray()),
                Latencies.of(all.stream().filter(c -> c.notifiedAt != TrackedCase.NOT_YET).mapToLong(c -> c.notifiedAt - c.dueAt).toArray()),
                memory, CpuTimes.perCase(cpuBefore, cpuAfter, completed.size()),
                DatabaseWork.perCase(databaseBefore, databaseAfter, completed.size()));
    }

    /** Looks for the tasks and notifications of the cases under way, in batches, while any are. */
    private final class Observer implements Runnable {

        private final List<TrackedCase> cases;
        private final Map<String, TrackedCase> byCaseId;
        private volatile boolean running = true;
        private int firstAwaitingTask;
        private int firstAwaitingNotification;

        Observer(List<TrackedCase> cases, Map<String, TrackedCase> byCaseId) {
            this.cases = cases;
            this.byCaseId = byCaseId;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                long began = System.nanoTime();
                int answered = 0;
                try {
                    answered += lookForTasks();
                    answered += lookForNotifications();
                } catch (IOException | RuntimeException e) {
                    log.warn("Observer could not poll: {}", e.toString());
                }
                // With many cases under way (an overload) the answers grow: poll less often, so that
                // watching does not add to the load it watches (about 0.5 ms between polls per row answered).
                long period = Math.max(poll.toNanos(), answered * 500_000L);
                long rest = period - (System.nanoTime() - began);
                if (rest > 0) {
                    LockSupport.parkNanos(rest);
                }
            }
        }

        /** @return how many tasks it was answered */
        private int lookForTasks() throws IOException {
            long oldestDue = Long.MAX_VALUE;
            synchronized (cases) {
                while (firstAwaitingTask < cases.size() && cases.get(firstAwaitingTask).passedTaskStage()) {
                    firstAwaitingTask++;
                }
                for (int i = firstAwaitingTask; i < cases.size(); i++) {
                    if (cases.get(i).awaitsTask()) {
                        oldestDue = cases.get(i).dueAt;
                        break;
                    }
                }
            }
            if (oldestDue == Long.MAX_VALUE) {
                return 0;
            }
            // A case's task is created after its report was due: the tasks created since the oldest case
            // still awaiting one was due hold every task awaited, and few others while the system keeps
            // up. The 100 ms spare covers turning System.nanoTime() into the wall clock the engine stamps
            // tasks with (a jump of the wall clock during a run could hide tasks: the phase would then
            // not complete, and say so). Under an overload the window holds more tasks: page through.
            long createdAfter = wallClockMillis(oldestDue) - 100;
            Map<String, Object> query = Map.of("taskDefinitionKey", "ScreenReport",
                    "createdAfter", ENGINE_DATE.format(Instant.ofEpochMilli(createdAfter)),
                    "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "asc")));
            List<JsonNode> tasks = new ArrayList<>();
            for (int first = 0; ; first += TASKS_PER_PAGE) {
                JsonNode page = post(workflowService + "/engine-rest/task?firstResult=" + first + "&maxResults=" + TASKS_PER_PAGE, query);
                page.forEach(tasks::add);
                if (page.size() < TASKS_PER_PAGE) {
                    break;
                }
            }
            long seenAt = System.nanoTime();
            List<String> unknownInstances = new ArrayList<>();
            for (JsonNode task : tasks) {
                String instance = task.path("processInstanceId").asText();
                if (!businessKeyByInstance.containsKey(instance)) {
                    unknownInstances.add(instance);
                }
            }
            if (!unknownInstances.isEmpty()) {
                for (JsonNode instance : post(workflowService + "/engine-rest/process-instance",
                        Map.of("processInstanceIds", unknownInstances))) {
                    businessKeyByInstance.put(instance.path("id").asText(), instance.path("businessKey").asText());
                }
            }
            for (JsonNode task : tasks) {
                TrackedCase tracked = byCaseId.get(businessKeyByInstance.getOrDefault(task.path("processInstanceId").asText(), ""));
                if (tracked != null && tracked.taskVisibleAt == TrackedCase.NOT_YET) {
                    tracked.taskVisibleAt = seenAt;
                }
            }
            return tasks.size();
        }

        /** @return how many notifications it asked for (and was answered at most) */
        private int lookForNotifications() throws IOException {
            int awaiting = 0;
            synchronized (cases) {
                while (firstAwaitingNotification < cases.size() && cases.get(firstAwaitingNotification).passedNotificationStage()) {
                    firstAwaitingNotification++;
                }
                for (int i = firstAwaitingNotification; i < cases.size(); i++) {
                    if (cases.get(i).awaitsNotification()) {
                        awaiting++;
                    }
                }
            }
            if (awaiting == 0) {
                return 0;
            }
            // Newest first: the notifications of the cases under way are among the newest.
            int limit = Math.min(1000, awaiting + 50);
            JsonNode notifications = get(notificationService + "/api/notifications?agency=cpu&limit=" + limit);
            long seenAt = System.nanoTime();
            for (JsonNode notification : notifications) {
                if (!"TaskCreated".equals(notification.path("eventType").asText())) {
                    continue;
                }
                TrackedCase tracked = byCaseId.get(notification.path("caseId").asText());
                if (tracked != null && tracked.notifiedAt == TrackedCase.NOT_YET) {
                    tracked.notifiedAt = seenAt;
                }
            }
            return limit;
        }
    }

    private JsonNode get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build());
    }

    private JsonNode post(String url, Map<String, Object> body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new HashMap<>(body))))
                .build());
    }

    private JsonNode send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static long wallClockMillis(long nanoTime) {
        return WALL_ORIGIN + (nanoTime - NANO_ORIGIN) / 1_000_000L;
    }

    private static void sleep(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    /** A report the procedure screens like any other: one child, neglect, no immediate danger, no trafficking. */
    private static final String REPORT = """
            {"source": "SCHOOL", "concerns": ["NEGLECT"], "immediateDanger": false,
             "children": [{"firstName": "Child", "ageYears": 9}],
             "location": {"municipality": "Durrës", "details": "benchmark"},
             "narrative": "A report offered by the benchmark.",
             "reporter": {"name": "Benchmark", "phone": "+355 69 000 0000"}}""";
}
