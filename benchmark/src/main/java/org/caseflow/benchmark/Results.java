package org.caseflow.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.caseflow.localrun.ServiceName;

/** The run's figures: a table on the console and the same rows in a CSV file. */
final class Results {

    /** The services in the order of the table's columns: the report's path. */
    private static final List<ServiceName> COLUMNS = List.of(ServiceName.CASE, ServiceName.WORKFLOW, ServiceName.NOTIFICATION);
    static final List<String> SERVICES = COLUMNS.stream().map(ServiceName::id).toList();
    /** Each service's database, in the order of {@link #SERVICES}. */
    static final List<String> DATABASES = COLUMNS.stream().map(ServiceName::database).toList();

    private final String machine;
    private final boolean fsync;
    private final Map<String, String> tuning;
    private final long pollMillis;
    private final List<PhaseResult> phases = new ArrayList<>();
    private final List<BareEngine.Measurement> bare = new ArrayList<>();
    private final Map<String, Double> speeds = new LinkedHashMap<>();

    Results(String machine, boolean fsync, Map<String, String> tuning, java.time.Duration poll) {
        this.machine = machine;
        this.fsync = fsync;
        this.tuning = new LinkedHashMap<>(tuning);
        this.pollMillis = poll.toMillis();
    }

    void add(PhaseResult phase) {
        phases.add(phase);
    }

    void add(BareEngine.Measurement measurement) {
        bare.add(measurement);
    }

    /** The machine's speed (see {@link Machine#speed()}) at a moment of the run. */
    void speed(String when, double mbPerSecond) {
        speeds.put(when, mbPerSecond);
    }

    private String speeds() {
        StringBuilder text = new StringBuilder();
        speeds.forEach((when, speed) -> text.append(text.isEmpty() ? "" : ", ").append(when).append(' ')
                .append(String.format(Locale.ROOT, "%.0f", speed)));
        return text.toString();
    }

    /** The highest sustained rate among the phases that held their offered rate. */
    Optional<PhaseResult> bestHeld() {
        return phases.stream().filter(p -> !p.name().equals("warm-up") && p.held())
                .max(Comparator.comparingDouble(PhaseResult::sustained));
    }

    Optional<BareEngine.Measurement> bestBare(String what) {
        return bare.stream().filter(m -> m.what().equals(what)).max(Comparator.comparingDouble(BareEngine.Measurement::perSecond));
    }

    void print(PrintStream out) {
        out.println();
        out.println("caseflow benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16));
        out.println("machine: " + machine);
        out.println("PostgreSQL fsync and synchronous_commit " + (fsync ? "on" : "off") + "; service tuning: "
                + (tuning.isEmpty() ? "none (defaults)" : tuning));
        out.println("machine speed (SHA-256 on one thread, MB/s): " + speeds());
        if (!phases.isEmpty()) {
            out.println();
            out.println("Pipeline: report accepted, process started, first task created, notification recorded (open loop;");
            out.println("latencies in ms from the moment each report was due, seen by polls every " + pollMillis + " ms)");
            out.printf("%-8s %9s %5s %5s %11s %4s | %13s | %17s | %17s%n", "phase", "offered/s", "sent", "done",
                    "sustained/s", "held", "accept p50/99", "task p50/95/99", "notified p50/95/99");
            for (PhaseResult p : phases) {
                out.printf(Locale.ROOT, "%-8s %9d %5d %5d %11.1f %4s | %6.0f %6.0f | %5.0f %5.0f %5.0f | %5.0f %5.0f %5.0f%n",
                        p.name(), p.offered(), p.sent(), p.completed(), p.sustained(), p.held() ? "yes" : "no",
                        p.accept().p50(), p.accept().p99(), p.task().p50(), p.task().p95(), p.task().p99(),
                        p.notified().p50(), p.notified().p95(), p.notified().p99());
            }
        }
        if (!phases.isEmpty()) {
            out.println();
            out.println("CPU ms per completed case (phase start to end of drain) and the machine's busy share");
            out.printf("%-8s %9s %12s %16s %20s %10s %12s %7s%n", "phase", "offered/s", "case-service", "workflow-service",
                    "notification-service", "postgresql", "kafka+driver", "busy");
            for (PhaseResult p : phases) {
                Map<String, Double> c = p.cpu();
                out.printf(Locale.ROOT, "%-8s %9d %12.1f %16.1f %20.1f %10.1f %12.1f %6.0f%%%n", p.name(), p.offered(),
                        c.get("case-service"), c.get("workflow-service"), c.get("notification-service"),
                        c.get(CpuTimes.POSTGRES), c.get(CpuTimes.BENCHMARK), 100 * c.get("machine busy"));
            }
        }
        if (!phases.isEmpty()) {
            out.println();
            out.println("PostgreSQL work per completed case, each service's database: transactions / rows read / rows written");
            out.printf("%-8s %9s", "phase", "offered/s");
            DATABASES.forEach(database -> out.printf(" %22s", database));
            out.println();
            for (PhaseResult p : phases) {
                out.printf("%-8s %9d", p.name(), p.offered());
                for (String database : DATABASES) {
                    DatabaseWork.PerCase work = p.database().get(database);
                    out.printf(" %22s", work == null ? "-" : String.format(Locale.ROOT, "%.1f / %.0f / %.0f",
                            work.transactions(), work.rowsRead(), work.rowsWritten()));
                }
                out.println();
            }
        }
        if (!bare.isEmpty()) {
            out.println();
            out.println("Bare engine: same PostgreSQL server, its own database, Java API, no Kafka, no-op delegates");
            out.printf("%-32s %7s %9s %8s%n", "instance", "threads", "instances", "per s");
            for (BareEngine.Measurement m : bare) {
                out.printf(Locale.ROOT, "%-32s %7d %9d %8.1f%n", m.what(), m.threads(), m.instances(), m.perSecond());
            }
        }
        out.println();
        Optional<PhaseResult> best = bestHeld();
        best.ifPresentOrElse(
                p -> out.printf(Locale.ROOT, "highest rate held end to end: %.1f cases/s (offered %d/s)%n", p.sustained(), p.offered()),
                () -> out.println("highest rate held end to end: none of the phases held its rate"));
        for (String what : List.of("start + complete ScreenReport", "start (to ScreenReport)")) {
            bestBare(what).ifPresent(m -> out.printf(Locale.ROOT, "bare engine, %s: %.1f/s (%d threads)%s%n", what, m.perSecond(),
                    m.threads(), best.map(p -> String.format(Locale.ROOT, "; end to end / bare = %.2f", p.sustained() / m.perSecond())).orElse("")));
        }
        phases.stream().filter(p -> p.name().equals("half")).findFirst().ifPresent(p -> out.printf(Locale.ROOT,
                "at half that rate (%d/s): p99 report to first task %.0f ms, to notification %.0f ms%n",
                p.offered(), p.task().p99(), p.notified().p99()));
        if (!phases.isEmpty()) {
            out.println();
            out.println("Memory of each service, highest over the phases (sampled at the end of each)");
            out.printf("%-22s %12s %8s%n", "service", "heap used MB", "RSS MB");
            for (String service : SERVICES) {
                double heap = phases.stream().mapToDouble(p -> p.memory().get(service).heapMb()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
                double rss = phases.stream().mapToDouble(p -> p.memory().get(service).rssMb()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
                out.printf(Locale.ROOT, "%-22s %12.0f %8.0f%n", service, heap, rss);
            }
        }
        out.println();
    }

    Path writeCsv(Path directory) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("kind,phase,offered_per_s,threads,sent,accepted,completed,rate_per_s,held,"
                + "accept_p50_ms,accept_p99_ms,task_p50_ms,task_p95_ms,task_p99_ms,notified_p50_ms,notified_p95_ms,notified_p99_ms");
        for (String service : SERVICES) {
            String prefix = service.substring(0, service.indexOf('-'));
            header.append(',').append(prefix).append("_heap_mb,").append(prefix).append("_rss_mb");
        }
        header.append(",cpu_ms_case,cpu_ms_workflow,cpu_ms_notification,cpu_ms_postgresql,cpu_ms_kafka_driver,machine_busy");
        for (String service : SERVICES) {
            String prefix = service.substring(0, service.indexOf('-'));
            header.append(',').append(prefix).append("_db_transactions,").append(prefix).append("_db_rows_read,")
                    .append(prefix).append("_db_rows_written");
        }
        header.append(",fsync,tuning,machine,speed_mb_s");
        lines.add(header.toString());
        String tail = "," + (fsync ? "on" : "off") + "," + quote(tuning.toString()) + "," + quote(machine) + "," + quote(speeds());
        for (PhaseResult p : phases) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                    "pipeline,%s,%d,,%d,%d,%d,%.2f,%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", p.name(), p.offered(), p.sent(),
                    p.accepted(), p.completed(), p.sustained(), p.held(), p.accept().p50(), p.accept().p99(), p.task().p50(),
                    p.task().p95(), p.task().p99(), p.notified().p50(), p.notified().p95(), p.notified().p99()));
            for (String service : SERVICES) {
                ServiceMemory.Sample sample = p.memory().get(service);
                row.append(String.format(Locale.ROOT, ",%.0f,%.0f", sample.heapMb(), sample.rssMb()));
            }
            for (String part : List.of("case-service", "workflow-service", "notification-service", CpuTimes.POSTGRES,
                    CpuTimes.BENCHMARK, "machine busy")) {
                row.append(String.format(Locale.ROOT, ",%.2f", p.cpu().get(part)));
            }
            for (String database : DATABASES) {
                DatabaseWork.PerCase work = p.database().get(database);
                row.append(work == null ? ",,," : String.format(Locale.ROOT, ",%.2f,%.1f,%.1f", work.transactions(),
                        work.rowsRead(), work.rowsWritten()));
            }
            lines.add(row + tail);
        }
        for (BareEngine.Measurement m : bare) {
            lines.add(String.format(Locale.ROOT, "bare-engine,%s,,%d,,,%d,%.2f", quote(m.what()), m.threads(),
                    m.instances(), m.perSecond()) + ",".repeat(21 + 3 * SERVICES.size()) + tail);
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv");
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results to " + directory, e);
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
