package org.caseflow.localrun;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.caseflow.infra.LocalPostgres;

import static org.awaitility.Awaitility.await;
import static org.caseflow.localrun.Rest.HTTP;
import static org.caseflow.localrun.Rest.JSON;
import static org.caseflow.localrun.Rest.request;

/**
 * The whole system, a reporter, an SMTP server and an agency's webhook receiver, and a count of what
 * each report left behind. A report should leave exactly one of each: its case, its procedure, its
 * screening task, the timeline entries of its report and of that task, each agency's inbox notification
 * (cpu and the emergency centre of the task; krat and the police of a suspected trafficking report), each email (cpu, and the
 * police for trafficking) and cpu's webhook call. {@link #count} finds, per report, what is missing
 * (lost) and what is there twice (duplicated), after a settling time longer than any retry path of the
 * services, whose pauses are set here.
 */
final class FaultHarness implements AutoCloseable {

    /** The services' retry pauses in these tests (environment below); the settling time follows from them. */
    static final Duration CONSUMER_INITIAL_BACKOFF = Duration.ofMillis(250);
    static final Duration CONSUMER_MAX_BACKOFF = Duration.ofSeconds(4);
    static final int CONSUMER_MAX_ATTEMPTS = 8;
    static final Duration OUTBOX_MAX_BACKOFF = Duration.ofSeconds(4);
    static final Duration DELIVERY_LEASE = Duration.ofSeconds(15);
    static final Duration DELIVERY_INITIAL_BACKOFF = Duration.ofSeconds(2);

    /**
     * How long after a fault has healed and every report was accepted the counts are taken: longer than
     * the longest way an event can still be on its way (a consumer's every retry, a delivery's lease and
     * its first retry, the relay's longest pause), plus a margin for the work itself.
     */
    static final Duration SETTLE = max(consumerRetryBudget(), DELIVERY_LEASE.plus(DELIVERY_INITIAL_BACKOFF), OUTBOX_MAX_BACKOFF)
            .plusSeconds(10);
    /** How long everything may take to arrive before the counts are taken anyway (and show what is lost). */
    static final Duration ARRIVAL_LIMIT = Duration.ofMinutes(3);

    private static final String CPU_EMAIL = "cpu.intake@caseflow.test";
    private static final String POLICE_EMAIL = "police.duty@caseflow.test";

    /** A report sent: its idempotency key and narrative identify it; trafficking reports reach more agencies. */
    record Report(String key, String narrative, boolean trafficking) {
    }

    /** What a burst left behind, by report, and the figures printed. */
    record Tally(String scenario, int reports, int lost, int duplicated, int sentAgain, Map<String, Integer> found,
                 List<String> problems) {

        String line() {
            return "faults: %s: %d reports, lost %d, duplicated %d".formatted(scenario, reports, lost, duplicated);
        }

        String details() {
            return "found " + found + (sentAgain > 0 ? ", external messages sent again after a crash: " + sentAgain : "")
                    + (problems.isEmpty() ? "" : ", first problems: " + problems.subList(0, Math.min(5, problems.size())));
        }
    }

    private final LocalStack stack;
    private final MailReceiver mail;
    private final WebhookReceiver webhooks;
    private final AtomicInteger refusedAttempts = new AtomicInteger();
    /** Which of case-service's nodes the next attempt goes to, as a load balancer's round robin would. */
    private final AtomicInteger nextCaseNode = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong longestWaitMillis = new java.util.concurrent.atomic.AtomicLong();

    private FaultHarness(LocalStack stack, MailReceiver mail, WebhookReceiver webhooks) {
        this.stack = stack;
        this.mail = mail;
        this.webhooks = webhooks;
    }

    /** Starts the system with email and webhooks on: cpu by email and webhook, the police by email. */
    static FaultHarness start() throws Exception {
        return start(false);
    }

    /**
     * As {@link #start()}; with {@code fullJit} the services run as the benchmark runs them (full JIT
     * compilation, for long runs), otherwise with the tests' quick start-up.
     */
    static FaultHarness start(boolean fullJit) throws Exception {
        return start(fullJit, settings -> settings);
    }

    /** As {@link #start(boolean)}, with the stack's settings changed further (more nodes, more environment). */
    static FaultHarness start(boolean fullJit, java.util.function.UnaryOperator<LocalStack.Settings> more) throws Exception {
        // A killed service leaves a receiver's thread to die of a reset connection; by default Awaitility
        // would fail whatever await runs at that moment with it (it did, in a soak's reporter).
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        MailReceiver mail = new MailReceiver();
        WebhookReceiver webhooks = new WebhookReceiver();
        Path data = Files.createTempDirectory("caseflow-faults");
        Path services = Path.of(System.getProperty("caseflow.services.directory", "target/services"));
        Map<String, String> pauses = Map.of(
                "CASEFLOW_MESSAGING_CONSUMER_INITIALBACKOFF", CONSUMER_INITIAL_BACKOFF.toMillis() + "ms",
                "CASEFLOW_MESSAGING_CONSUMER_MAXBACKOFF", CONSUMER_MAX_BACKOFF.toMillis() + "ms",
                "CASEFLOW_MESSAGING_CONSUMER_MAXATTEMPTS", Integer.toString(CONSUMER_MAX_ATTEMPTS),
                "CASEFLOW_MESSAGING_OUTBOX_MAXBACKOFF", OUTBOX_MAX_BACKOFF.toMillis() + "ms");
        LocalStack.Settings settings = LocalStack.Settings.forFaultTests(data, services);
        if (fullJit) {
            settings = settings.withJvmOptions(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        }
        for (ServiceName service : ServiceName.values()) {
            settings = settings.withEnvironment(service, pauses);
        }
        settings = settings.withEnvironment(ServiceName.NOTIFICATION, Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(mail.port()),
                "CASEFLOW_NOTIFICATIONS_DELIVERY_LEASE", DELIVERY_LEASE.toMillis() + "ms",
                "CASEFLOW_NOTIFICATIONS_DELIVERY_INITIALBACKOFF", DELIVERY_INITIAL_BACKOFF.toMillis() + "ms"));
        FaultHarness harness = new FaultHarness(new LocalStack(more.apply(settings)).start(), mail, webhooks);
        harness.switchChannelsOn();
        return harness;
    }

    LocalStack stack() {
        return stack;
    }

    MailReceiver mail() {
        return mail;
    }

    WebhookReceiver webhooks() {
        return webhooks;
    }

    // --- the reporter -----------------------------------------------------------------------------------

    /**
     * Reports {@code count} cases, one every {@code interval}, calling {@code duringBurst} before each. A
     * refused or unanswered report is sent again with its Idempotency-Key, as a careful reporter would.
     */
    List<Report> burst(String scenario, int count, Duration interval, IntConsumer duringBurst) {
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long next = System.nanoTime() + interval.toNanos();
            duringBurst.accept(i);
            Report report = new Report(scenario + "-" + i, "Fault test " + scenario + ", report " + i + ".", i % 4 == 3);
            reportUntilAccepted(report);
            reports.add(report);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
        return reports;
    }

    /**
     * Offers {@code count} reports, one every {@code interval} whatever the answers do (open loop), on
     * {@code threads} reporters, each sending its report until accepted; {@code progress} is called
     * with the number offered, once a minute. Returns when every report is accepted.
     */
    List<Report> offer(String scenario, int count, Duration interval, int threads, IntConsumer progress) throws Exception {
        java.util.concurrent.ExecutorService reporters = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<Report> reports = new ArrayList<>();
        List<java.util.concurrent.Future<?>> accepted = new ArrayList<>();
        long start = System.nanoTime();
        long nextProgress = start + Duration.ofMinutes(1).toNanos();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + interval.toNanos() * i;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() >= nextProgress) {
                    progress.accept(i);
                    nextProgress += Duration.ofMinutes(1).toNanos();
                }
                Report report = new Report(scenario + "-" + i, "Fault test " + scenario + ", report " + i + ".", i % 4 == 3);
                reports.add(report);
                accepted.add(reporters.submit(() -> reportUntilAccepted(report)));
            }
            for (java.util.concurrent.Future<?> each : accepted) {
                each.get();
            }
        } finally {
            reporters.shutdownNow();
        }
        return reports;
    }

    /** Report attempts refused or unanswered so far (a service or the database away). */
    int refusedAttempts() {
        return refusedAttempts.get();
    }

    /** The longest a report has waited so far from its first attempt to its acceptance; reset by reading it. */
    Duration takeLongestWait() {
        return Duration.ofMillis(longestWaitMillis.getAndSet(0));
    }

    void reportUntilAccepted(Report report) {
        long began = System.nanoTime();
        String body = """
                {"source": "HOTLINE", "concerns": %s, "immediateDanger": false,
                 "children": [{"description": "a child", "ageYears": 8}],
                 "location": {"municipality": "Durrës"}, "narrative": "%s"}"""
                .formatted(report.trafficking() ? "[\"TRAFFICKING_SUSPECTED\"]" : "[\"NEGLECT\"]", report.narrative());
        // pollDelay zero: the first attempt goes at once (a poll interval alone would delay it too).
        await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                String node = stack.url(ServiceName.CASE, 1 + Math.floorMod(nextCaseNode.getAndIncrement(), stack.nodes(ServiceName.CASE)));
                HttpResponse<String> response = HTTP.send(request(node + "/api/cases", "supervisor")
                        .header("Content-Type", "application/json").header("Idempotency-Key", report.key())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // Not answered: sent again with the same key.
            }
            refusedAttempts.incrementAndGet();
            return false;
        });
        longestWaitMillis.accumulateAndGet(Duration.ofNanos(System.nanoTime() - began).toMillis(), Math::max);
    }

    // --- counting ---------------------------------------------------------------------------------------

    /**
     * Waits until every report left everything it should, or {@link #ARRIVAL_LIMIT} passed; then the
     * settling time; then counts. {@code sentAgainAllowed} is how many external messages the scenario's
     * crash may send twice (the same notification id), as docs/reliability.md promises.
     */
    Tally settleAndCount(String scenario, List<Report> reports) {
        Instant limit = Instant.now().plus(ARRIVAL_LIMIT);
        await().atMost(ARRIVAL_LIMIT.plusMinutes(1)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Instant.now().isAfter(limit) || countQuietly(scenario, reports).lost() == 0);
        await().pollDelay(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> true);
        Tally tally = count(scenario, reports);
        System.out.println(tally.line());
        System.out.println("faults: " + scenario + ": " + tally.details());
        return tally;
    }

    private Tally countQuietly(String scenario, List<Report> reports) {
        try {
            return count(scenario, reports);
        } catch (RuntimeException e) {
            // A database still coming back: not complete yet.
            return new Tally(scenario, reports.size(), reports.size(), 0, 0, Map.of(), List.of(e.getMessage()));
        }
    }

    /** Counts, with one query per kind for all the reports (a soak counts thousands). */
    Tally count(String scenario, List<Report> reports) {
        Map<String, List<String>> casesByNarrative = caseIdsByNarrative(reports);
        Set<String> cases = casesByNarrative.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        // What each case left, by kind ("process", "inbox cpu TaskCreated", "email cpu.intake@...").
        Map<String, Map<String, Integer>> left = new HashMap<>();
        countInto(left, ServiceName.WORKFLOW, """
                select business_key_, 'process', count(*) from act_hi_procinst
                where proc_def_key_ = 'emergency-response' and business_key_ = any(?) group by business_key_""", cases);
        countInto(left, ServiceName.WORKFLOW, """
                select p.business_key_, 'screening task', count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                where p.business_key_ = any(?) and t.task_def_key_ = 'ScreenReport' group by p.business_key_""", cases);
        // The timeline's entries of the report and of its first task, cpu's (later ones, such as deliveries
        // or a missed screening's task for supervisors, vary).
        countInto(left, ServiceName.CASE, """
                select case_id::text, 'timeline ' || event_type, count(*) from case_timeline
                where case_id::text = any(?) and (event_type = 'CaseReported' or event_type = 'TaskCreated' and summary like '% for cpu%')
                group by 1, 2""", cases);
        countInto(left, ServiceName.NOTIFICATION, """
                select case_id, 'inbox ' || agency || ' ' || event_name, count(*) from notification
                where case_id = any(?) group by 1, 2""", cases);
        List<MailReceiver.Mail> mails = mail.received().stream().filter(m -> cases.contains(m.caseId())).toList();
        List<WebhookReceiver.Call> calls = webhooks.received().stream().filter(c -> cases.contains(c.caseId())).toList();
        // Each notification counted once here; one sent again under the same id is counted by sentAgain.
        mails.stream().map(m -> List.of(m.caseId(), "email " + m.to(), m.notificationId())).distinct()
                .forEach(m -> left.computeIfAbsent(m.get(0), c -> new HashMap<>()).merge(m.get(1), 1, Integer::sum));
        calls.stream().map(c -> List.of(c.caseId(), "webhook " + c.agency(), c.notificationId())).distinct()
                .forEach(c -> left.computeIfAbsent(c.get(0), k -> new HashMap<>()).merge(c.get(1), 1, Integer::sum));

        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        for (Report report : reports) {
            List<String> caseIds = casesByNarrative.getOrDefault(report.narrative(), List.of());
            Map<String, Integer> ofReport = new HashMap<>();
            ofReport.put("case", caseIds.size());
            caseIds.forEach(c -> left.getOrDefault(c, Map.of()).forEach((kind, n) -> ofReport.merge(kind, n, Integer::sum)));
            boolean reportLost = false;
            boolean reportDuplicated = false;
            for (String expected : expected(report)) {
                int n = ofReport.getOrDefault(expected, 0);
                found.merge(expected, n, Integer::sum);
                if (n == 0) {
                    reportLost = true;
                    problems.add(report.key() + ": no " + expected);
                } else if (n > 1) {
                    reportDuplicated = true;
                    problems.add(report.key() + ": " + n + " × " + expected);
                }
            }
            lost += reportLost ? 1 : 0;
            duplicated += reportDuplicated ? 1 : 0;
        }
        return new Tally(scenario, reports.size(), lost, duplicated, sentAgain(mails, calls), found, problems);
    }

    /** Messages that reached their receiver more than once under the same notification id (a send repeated). */
    private static int sentAgain(List<MailReceiver.Mail> mails, List<WebhookReceiver.Call> calls) {
        Set<String> seen = new HashSet<>();
        int again = 0;
        for (MailReceiver.Mail m : mails) {
            again += seen.add("email " + m.to() + " " + m.notificationId()) ? 0 : 1;
        }
        for (WebhookReceiver.Call c : calls) {
            again += seen.add("webhook " + c.notificationId()) ? 0 : 1;
        }
        return again;
    }

    private static List<String> expected(Report report) {
        // The screening task is for cpu and for the emergency centre's duty worker (out of hours).
        List<String> expected = new ArrayList<>(List.of("case", "process", "screening task", "timeline CaseReported",
                "timeline TaskCreated", "inbox cpu TaskCreated", "inbox emergency-centre TaskCreated", "email " + CPU_EMAIL,
                "webhook cpu"));
        if (report.trafficking()) {
            expected.addAll(List.of("inbox krat CaseReported", "inbox police CaseReported", "email " + POLICE_EMAIL));
        }
        return expected;
    }

    private Map<String, List<String>> caseIdsByNarrative(List<Report> reports) {
        Map<String, List<String>> cases = new HashMap<>();
        query(ServiceName.CASE, "select narrative, id::text from case_file where narrative = any(?)",
                arrayParameter(reports.stream().map(Report::narrative).toArray(String[]::new)),
                row -> cases.computeIfAbsent(row.getString(1), n -> new ArrayList<>()).add(row.getString(2)));
        return cases;
    }

    /** Adds the rows (case id, kind, count) of the query, whose one parameter is the array of case ids. */
    private void countInto(Map<String, Map<String, Integer>> left, ServiceName service, String sql, Set<String> cases) {
        query(service, sql, arrayParameter(cases.toArray(String[]::new)),
                row -> left.computeIfAbsent(row.getString(1), c -> new HashMap<>()).merge(row.getString(2), row.getInt(3), Integer::sum));
    }

    // --- proof that a fault happened --------------------------------------------------------------------

    /** Whether PostgreSQL takes a connection now. */
    boolean postgresReachable() {
        try {
            single(ServiceName.CASE, "select 1", List.of());
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** notification-service's tries on the channel that started and never ended (the service stopped mid-send). */
    int openAttempts(String channel) {
        return single(ServiceName.NOTIFICATION, """
                select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id
                where a.finished_at is null and d.channel = ?""", List.of(channel));
    }

    /** Events waiting in a service's outbox, unpublished. */
    int outboxBacklog(ServiceName service) {
        return single(service, "select count(*) from outbox_event", List.of());
    }

    /** Records on a topic that a service's consumer group has not yet committed. */
    long consumerLag(ServiceName service, String topic) {
        Properties properties = new Properties();
        properties.putAll(stack.kafka().adminProperties());
        try (Admin admin = Admin.create(properties)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service.id())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            committed.keySet().stream().filter(p -> p.topic().equals(topic)).forEach(p -> partitions.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(partitions).all().get();
            return partitions.keySet().stream().mapToLong(p -> ends.get(p).offset() - committed.get(p).offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the lag of " + service.id() + " on " + topic, e);
        }
    }

    // --- setting up ---------------------------------------------------------------------------------------

    private void switchChannelsOn() throws Exception {
        String notifications = stack.url(ServiceName.NOTIFICATION) + "/api/agencies/";
        put(notifications + "cpu", Map.of("name", "Njësia për Mbrojtjen e Fëmijëve", "language", "sq", "email", CPU_EMAIL,
                "webhookUrl", webhooks.url(), "webhookSecret", "a-secret-of-the-fault-tests",
                "channels", List.of("EMAIL", "WEBHOOK"), "onCall", Map.of("always", true)));
        put(notifications + "police", Map.of("name", "Policia e Shtetit", "language", "sq", "email", POLICE_EMAIL,
                "channels", List.of("EMAIL"), "onCall", Map.of("always", true)));
    }

    private void put(String url, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url, "supervisor").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            mail.close();
            webhooks.close();
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------------

    private interface Row {
        void take(ResultSet row) throws SQLException;
    }

    /** One parameter, an SQL array (List.of would spread the strings into parameters of their own). */
    private static List<Object> arrayParameter(String[] values) {
        return java.util.Collections.singletonList(values);
    }

    /** The rows of a query of a service's database, each column as text. */
    List<List<String>> rows(ServiceName service, String sql, Object... parameters) {
        List<List<String>> rows = new ArrayList<>();
        query(service, sql, List.of(parameters), row -> {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                columns.add(row.getString(i));
            }
            rows.add(columns);
        });
        return rows;
    }

    private int single(ServiceName service, String sql, List<Object> parameters) {
        int[] value = new int[1];
        query(service, sql, parameters, row -> value[0] = row.getInt(1));
        return value[0];
    }

    /** A query of a service's database as the superuser, which the test alone uses; a new connection each time. */
    private void query(ServiceName service, String sql, List<Object> parameters, Row each) {
        LocalPostgres postgres = stack.postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(service.database()), LocalPostgres.USER, LocalPostgres.USER);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                statement.setObject(i + 1, parameter instanceof String[] values ? connection.createArrayOf("varchar", values) : parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.take(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count in " + service.database() + ": " + e.getMessage(), e);
        }
    }

    private static Duration consumerRetryBudget() {
        Duration total = Duration.ZERO;
        Duration pause = CONSUMER_INITIAL_BACKOFF;
        for (int attempt = 1; attempt < CONSUMER_MAX_ATTEMPTS; attempt++) {
            total = total.plus(pause);
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(CONSUMER_MAX_BACKOFF) > 0 ? CONSUMER_MAX_BACKOFF : doubled;
        }
        return total;
    }

    private static Duration max(Duration first, Duration... others) {
        Duration max = first;
        for (Duration other : others) {
            max = other.compareTo(max) > 0 ? other : max;
        }
        return max;
    }
}
