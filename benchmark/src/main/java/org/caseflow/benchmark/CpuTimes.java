package org.caseflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by each part of the system, from /proc: each service's JVM, PostgreSQL (the
 * server on the stack's port and its backends), and this JVM (the Kafka broker, the driver and the
 * observer); and how busy the whole machine was. The difference of two readings over a phase, per
 * completed case, shows which part costs what.
 */
final class CpuTimes {

    static final String POSTGRES = "postgresql";
    static final String BENCHMARK = "kafka+driver";
    private static final double TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    /** @param millis CPU milliseconds of each part; @param machineBusyMillis / machineMillis all cores */
    record Reading(Map<String, Double> millis, double machineBusyMillis, double machineMillis) {
    }

    private final List<String> services;
    private final int postgresPort;

    CpuTimes(List<String> services, int postgresPort) {
        this.services = services;
        this.postgresPort = postgresPort;
    }

    Reading read() {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (String service : services) {
            String jar = "/" + service + ".jar";
            millis.put(service, ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                    .mapToDouble(p -> cpuMillis(p.pid())).sum());
        }
        millis.put(POSTGRES, postgresMillis());
        millis.put(BENCHMARK, cpuMillis(ProcessHandle.current().pid()));
        double[] machine = machine();
        return new Reading(millis, machine[0], machine[1]);
    }

    private double postgresMillis() {
        String port = "-p " + postgresPort + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains("/bin/postgres") && line.contains(port)).orElse(false))
                .mapToDouble(server -> cpuMillis(server.pid()) + server.children().mapToDouble(child -> cpuMillis(child.pid())).sum())
                .sum();
    }

    private static double cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command name in parentheses: state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** busy and total milliseconds of all cores since boot. */
    private static double[] machine() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new double[] {(total - idle) * TICK_MILLIS, total * TICK_MILLIS};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0};
        }
    }

    /** CPU milliseconds per case of each part between two readings, and the machine's busy share (0..1). */
    static Map<String, Double> perCase(Reading before, Reading after, int cases) {
        Map<String, Double> perCase = new LinkedHashMap<>();
        after.millis().forEach((part, millis) -> perCase.put(part, cases == 0 ? Double.NaN : (millis - before.millis().getOrDefault(part, 0.0)) / cases));
        double total = after.machineMillis() - before.machineMillis();
        perCase.put("machine busy", total <= 0 ? Double.NaN : (after.machineBusyMillis() - before.machineBusyMillis()) / total);
        return perCase;
    }
}
