package org.caseflow.localrun;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caseflow.localrun.Rest.HTTP;
import static org.caseflow.localrun.Rest.JSON;
import static org.caseflow.localrun.Rest.request;

/**
 * Two nodes of every service on one PostgreSQL and one broker, as a county's servers would run them
 * behind a load balancer: the two workflow-service nodes share the engine's tables, its jobs and
 * timers (through the engine's job locks) and the Kafka consumer group; the two case-service and the two
 * notification-service nodes share their databases, their outboxes and their delivery queue. Every
 * node starts at the same moment. The screening deadline is cut to {@link #SCREENING} by a new version
 * of the decision table, deployed as a supervisor would, so that every report's timer fires during the
 * test; one workflow-service node is killed with SIGKILL while the timers fire.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIT {

    private static final Duration SCREENING = Duration.ofSeconds(40);
    /** A job a killed node had locked is taken by the other once its lock has run out (the engine's default is 5 minutes). */
    private static final Duration JOB_LOCK = Duration.ofSeconds(15);
    private static final Duration KAFKA_SESSION = Duration.ofSeconds(10);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static FaultHarness harness;
    private static LocalStack stack;

    @BeforeAll
    static void startTwoNodesOfEachService() throws Exception {
        harness = FaultHarness.start(false, settings -> {
            LocalStack.Settings more = settings.withNodes(ServiceName.WORKFLOW, 2).withNodes(ServiceName.CASE, 2)
                    .withNodes(ServiceName.NOTIFICATION, 2)
                    .withEnvironment(ServiceName.WORKFLOW, Map.of(
                            "CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", Long.toString(JOB_LOCK.toMillis()),
                            "CAMUNDA_BPM_JOBEXECUTION_WAITTIMEINMILLIS", "500",
                            "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "2000"));
            for (ServiceName service : ServiceName.values()) {
                // A killed node's partitions go to the other once the broker has missed it this long.
                more = more.withEnvironment(service, Map.of("SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS",
                        Long.toString(KAFKA_SESSION.toMillis())));
            }
            return more;
        });
        stack = harness.stack();
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Both workflow-service nodes started at once, each with the models in its jar: each model is there once. */
    @Test
    @Order(1)
    void bothNodesStartedAtOnceDeployEachModelOnce() throws Exception {
        List<List<String>> definitions = harness.rows(ServiceName.WORKFLOW,
                "select key_, count(*), max(version_) from act_re_procdef group by key_ order by key_");
        assertThat(definitions).extracting(row -> row.get(0))
                .contains("emergency-response", "anti-trafficking", "referral", "missed-deadline");
        assertThat(definitions).as("each process model deployed once").allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("1", "1"));
        assertThat(harness.rows(ServiceName.WORKFLOW, "select key_, count(*) from act_re_decision_def group by key_"))
                .as("each decision table deployed once").allSatisfy(row -> assertThat(row.get(1)).isEqualTo("1"));
        assertThat(harness.rows(ServiceName.WORKFLOW, "select count(*) from act_re_deployment")).containsExactly(List.of("1"));
        // Each node answers, from the same definition (a node's first answers may take a while on a busy machine).
        for (int node = 1; node <= 2; node++) {
            String url = stack.url(ServiceName.WORKFLOW, node) + "/engine-rest/process-definition/key/emergency-response";
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(Rest.getMap(url).get("version")).isEqualTo(1));
        }
    }

    /**
     * The history clean-up is the first node's alone: frozen, the second leaves a due clean-up job where
     * it is; let go, the first runs it.
     */
    @Test
    @Order(2)
    void theHistoryCleanUpRunsOnTheFirstNodeOnly() throws Exception {
        List<List<String>> jobs = harness.rows(ServiceName.WORKFLOW,
                "select id_ from act_ru_job where handler_type_ = 'history-cleanup'");
        assertThat(jobs).as("the engine schedules its clean-up job at start").hasSize(1);
        String job = jobs.get(0).get(0);
        stack.pauseNode(ServiceName.WORKFLOW, 1);
        try {
            // Due now, set through the second node, which is up.
            HttpResponse<String> due = HTTP.send(request(stack.url(ServiceName.WORKFLOW, 2) + "/engine-rest/job/" + job + "/duedate", "admin")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"duedate\": \"" + engineDate(Instant.now().minusSeconds(1)) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(due.statusCode()).as(due.body()).isEqualTo(204);
            await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).until(() -> true);
            assertThat(cleanUpsRunBy()).as("the second node leaves the clean-up alone").isEmpty();
            assertThat(harness.rows(ServiceName.WORKFLOW, "select lock_owner_ from act_ru_job where id_ = ?", job))
                    .containsExactly(java.util.Collections.singletonList(null));
        } finally {
            stack.resumeNode(ServiceName.WORKFLOW, 1);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(cleanUpsRunBy()).containsOnly("workflow-service-1").isNotEmpty());
    }

    /**
     * Reports through both case-service nodes, screening timers firing on both workflow-service nodes,
     * and one workflow-service node killed while it holds the lock of a timer: every report leaves its
     * case, procedure, task, timeline, inbox notifications, emails and webhook calls once; every screening
     * timer fires once (one missed deadline in the case file, one escalation task, one notification to
     * supervisors); the killed node's locked jobs are done by the other after the lock time, and its
     * partitions taken over; each case's events stay in their order through both nodes' relays.
     */
    @Test
    @Order(3)
    void nothingIsLostOrDoneTwiceWhenAWorkflowNodeDiesWhileTimersFire() throws Exception {
        deployScreeningDeadline(SCREENING);
        // Both nodes in the group, each with its share (the freeze before may have set off a rebalance).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(groupMembers("workflow-service"))
                .as("both workflow-service nodes read the case events").hasSize(2)
                .allSatisfy(member -> assertThat(member.assignment().topicPartitions()).isNotEmpty()));
        List<FaultHarness.Report> reports = new ArrayList<>(harness.burst("several-nodes", 60, Duration.ofMillis(250), i -> { }));

        Set<org.apache.kafka.common.TopicPartition> partitions = new HashSet<>();
        groupMembers("workflow-service").forEach(member -> partitions.addAll(member.assignment().topicPartitions()));

        // The timers fire from 40 s after each report, on both nodes; once the second has fired a few and
        // holds the lock of another, it dies.
        await().atMost(SCREENING.plus(Duration.ofMinutes(1))).until(() -> timersFiredBy().getOrDefault("workflow-service-2", 0) >= 3);
        List<String> lockedByTheDead = killHoldingJobLocks(2, Duration.ofSeconds(90));
        System.out.println("faults: several-nodes: workflow-service-2 killed holding the locks of " + lockedByTheDead.size() + " jobs");
        // Reports after the kill: some are on partitions the dead node held until the group rebalances.
        reports.addAll(harness.burst("several-nodes-after", 12, Duration.ofMillis(250), i -> { }));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(groupMembers("workflow-service"))
                .as("the live node took over every partition").singleElement()
                .satisfies(live -> assertThat(live.assignment().topicPartitions()).containsExactlyInAnyOrderElementsOf(partitions)));

        FaultHarness.Tally tally = harness.settleAndCount("several-nodes", reports);
        assertThat(tally.problems()).as(tally.details()).isEmpty();
        assertThat(tally.sentAgain()).as("no notification delivered twice by the two notification-service nodes").isZero();

        // Every screening timer fired once, though one node died while timers fired.
        Set<String> cases = caseIds(reports);
        await().atMost(SCREENING.plus(Duration.ofMinutes(2))).untilAsserted(() -> assertThat(perCase(ServiceName.WORKFLOW, """
                select p.business_key_, count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'HandleMissedDeadline' group by 1""", cases).values()).hasSize(cases.size()));
        assertOncePerCase("escalation task", perCase(ServiceName.WORKFLOW, """
                select p.business_key_, count(*) from act_hi_taskinst t join act_hi_procinst p on p.id_ = t.proc_inst_id_
                where t.task_def_key_ = 'HandleMissedDeadline' group by 1""", cases), cases);
        assertOncePerCase("missed deadline in the case file", perCase(ServiceName.CASE,
                "select case_id::text, count(*) from case_deadline_missed where deadline = 'screening' group by 1", cases), cases);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertOncePerCase("supervisors notified", perCase(ServiceName.NOTIFICATION,
                "select case_id, count(*) from notification where agency = 'supervisors' and event_name = 'DeadlineMissed' group by 1",
                cases), cases));

        // The dead node's locked jobs were done by the live node once their lock ran out.
        for (String job : lockedByTheDead) {
            assertThat(harness.rows(ServiceName.WORKFLOW, "select hostname_ from act_hi_job_log where job_id_ = ? and job_state_ = 2", job))
                    .as("job " + job + " locked by the killed node").containsExactly(List.of("workflow-service-1"));
        }
        Map<String, Integer> timersByNode = timersFiredBy();
        System.out.println("faults: several-nodes: timers fired by node " + timersByNode);
        assertThat(timersByNode).as("both nodes fired timers").containsKeys("workflow-service-1", "workflow-service-2");

        // Ids from the strong UUID generator (time-based), whichever node made them.
        for (String table : List.of("act_hi_procinst", "act_hi_taskinst", "act_hi_job_log", "act_ru_execution", "act_ge_bytearray")) {
            assertThat(harness.rows(ServiceName.WORKFLOW, "select id_ from " + table)).as(table).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get(0)).matches(UUID_TEXT));
        }

        // Each case's events in the order they were made, though two nodes' relays published them.
        KafkaProbe probe = new KafkaProbe(stack.kafka());
        for (String caseId : cases) {
            List<String> events = probe.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                    .map(SeveralNodesIT::label).toList();
            assertThat(events).as("workflow events of " + caseId)
                    .containsSubsequence("TaskCreated ScreenReport", "DeadlineMissed screening", "TaskCreated HandleMissedDeadline");
        }
        System.out.println("faults: several-nodes: " + reports.size() + " reports, " + cases.size() + " screening timers fired once each");
    }

    /**
     * A case's agency events, sent one after another to alternate case-service nodes while other cases'
     * are sent at the same time, reach the topic in the order they were accepted.
     */
    @Test
    @Order(4)
    void aCasesEventsLeaveBothCaseServiceOutboxesInTheirOrder() throws Exception {
        List<String> cases = new ArrayList<>(caseIds(harness.burst("several-nodes-order", 8, Duration.ofMillis(100), i -> { })));
        List<String> services = List.of("HEALTH_CARE", "SCHOOL_REINTEGRATION", "PSYCHOLOGICAL_SUPPORT", "ECONOMIC_AID", "LEGAL_AID", "SHELTER");
        ExecutorService senders = Executors.newFixedThreadPool(cases.size());
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String caseId : cases) {
                // The CPU may act on a case once its first task has made it one of the case's agencies.
                await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(request(stack.url(ServiceName.CASE) + "/api/cases/" + caseId,
                        "cpu.worker").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < services.size(); i++) {
                        String body = "{\"kind\": \"ReferralRequested\", \"outcome\": \"" + services.get(i) + "\", \"attributes\": {\"agency\": \"health\"}}";
                        HttpResponse<String> response = HTTP.send(request(stack.url(ServiceName.CASE, 1 + i % 2) + "/api/cases/" + caseId
                                + "/agency-events", "cpu.worker").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            senders.shutdownNow();
        }
        KafkaProbe probe = new KafkaProbe(stack.kafka());
        for (String caseId : cases) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.readAll(Topics.CASE_EVENTS, caseId).stream()
                    .map(r -> CaseEvents.decode(r.value())).filter(AgencyEventReceived.class::isInstance)
                    .map(e -> ((AgencyEventReceived) e).getOutcome()).toList()).as("agency events of " + caseId).isEqualTo(services));
        }
    }

    // --- the engine ------------------------------------------------------------------------------------------

    /** Timer jobs run so far, by the node that ran them. */
    private static Map<String, Integer> timersFiredBy() {
        Map<String, Integer> byNode = new HashMap<>();
        harness.rows(ServiceName.WORKFLOW, """
                select hostname_, count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%' group by 1""")
                .forEach(row -> byNode.put(row.get(0), Integer.parseInt(row.get(1))));
        return byNode;
    }

    /** The hosts whose job executor ran the history clean-up job so far. */
    private static List<String> cleanUpsRunBy() {
        return harness.rows(ServiceName.WORKFLOW, """
                select hostname_ from act_hi_job_log where job_def_type_ = 'history-cleanup' and job_state_ = 2""")
                .stream().map(row -> row.get(0)).toList();
    }

    /**
     * Waits (polling the job table) until the workflow-service node holds the lock of a job, freezes it
     * there (SIGSTOP: it can finish nothing more), and once its locks are still held a moment later,
     * kills it with SIGKILL. Returns the jobs it left locked.
     */
    private static List<String> killHoldingJobLocks(int node, Duration within) throws Exception {
        String owner = "workflow-service-" + node + ":%";
        Instant deadline = Instant.now().plus(within);
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(ServiceName.WORKFLOW.database()),
                LocalPostgres.USER, LocalPostgres.USER)) {
            while (Instant.now().isBefore(deadline)) {
                if (!locked(connection, owner).isEmpty()) {
                    stack.pauseNode(ServiceName.WORKFLOW, node);
                    // A commit already on its way to PostgreSQL lands in this moment; what is locked after it stays so.
                    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
                    List<String> held = locked(connection, owner);
                    if (!held.isEmpty()) {
                        stack.killNode(ServiceName.WORKFLOW, node);
                        return held;
                    }
                    stack.resumeNode(ServiceName.WORKFLOW, node);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        throw new AssertionError("workflow-service-" + node + " held no job lock within " + within.toSeconds() + " s");
    }

    private static List<String> locked(Connection connection, String owner) throws java.sql.SQLException {
        List<String> locked = new ArrayList<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement("select id_ from act_ru_job where lock_owner_ like ?")) {
            statement.setString(1, owner);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    locked.add(rows.getString(1));
                }
            }
        }
        return locked;
    }

    /** A new version of deadlines.dmn with the screening (every level) cut to the period, deployed by a procedure designer. */
    private static void deployScreeningDeadline(Duration period) throws Exception {
        String table = Files.readString(Path.of("..", "bpmn", "deadlines.dmn"), StandardCharsets.UTF_8);
        StringBuilder changed = new StringBuilder();
        Matcher rules = Pattern.compile("(?s)<rule .*?</rule>").matcher(table);
        int screeningRules = 0;
        while (rules.find()) {
            String rule = rules.group();
            if (rule.contains("<text>&quot;screening&quot;</text>")) {
                rule = rule.replaceFirst("(?s)(<outputEntry [^>]*>\\s*<text>)&quot;P[^&]*&quot;", "$1&quot;" + period + "&quot;");
                screeningRules++;
            }
            rules.appendReplacement(changed, Matcher.quoteReplacement(rule));
        }
        rules.appendTail(changed);
        assertThat(screeningRules).as("screening rules in deadlines.dmn").isEqualTo(4);

        String boundary = "caseflow-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nshort screening (test)\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deadlines.dmn\"; filename=\"deadlines.dmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + changed + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HTTP.send(request(stack.url(ServiceName.WORKFLOW, 2) + "/engine-rest/deployment/create", "designer")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String engineDate(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    // --- Kafka ------------------------------------------------------------------------------------------------

    private static List<MemberDescription> groupMembers(String group) throws Exception {
        Properties properties = new Properties();
        properties.putAll(stack.kafka().adminProperties());
        try (Admin admin = Admin.create(properties)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            return List.copyOf(description.members());
        }
    }

    private static String label(Object event) {
        if (event instanceof TaskCreated created) {
            return "TaskCreated " + created.getTaskKey();
        }
        if (event instanceof DeadlineMissed missed) {
            return "DeadlineMissed " + missed.getDeadline();
        }
        if (event instanceof CaseStepRecorded step) {
            return step.getName();
        }
        return ((org.apache.avro.specific.SpecificRecord) event).getSchema().getName();
    }

    // --- counting ---------------------------------------------------------------------------------------------

    private static Set<String> caseIds(List<FaultHarness.Report> reports) {
        Set<String> narratives = new HashSet<>(reports.stream().map(FaultHarness.Report::narrative).toList());
        Set<String> cases = new HashSet<>();
        harness.rows(ServiceName.CASE, "select narrative, id::text from case_file").stream()
                .filter(row -> narratives.contains(row.get(0))).forEach(row -> cases.add(row.get(1)));
        assertThat(cases).as("one case per report").hasSize(reports.size());
        return cases;
    }

    private static Map<String, Integer> perCase(ServiceName service, String sql, Set<String> cases) {
        Map<String, Integer> counts = new HashMap<>();
        harness.rows(service, sql).stream().filter(row -> cases.contains(row.get(0)))
                .forEach(row -> counts.put(row.get(0), Integer.parseInt(row.get(1))));
        return counts;
    }

    private static void assertOncePerCase(String what, Map<String, Integer> counts, Set<String> cases) {
        assertThat(counts.keySet()).as(what + ": cases without").containsExactlyInAnyOrderElementsOf(cases);
        assertThat(counts).as(what + ": more than once").allSatisfy((caseId, n) -> assertThat(n).isEqualTo(1));
    }
}
