package org.caseflow.benchmark;

import java.util.Map;

/**
 * What one phase of the pipeline measured.
 *
 * @param name       warm-up, rising, or half (half the highest sustained rate)
 * @param offered    reports per second the driver offered
 * @param sent       reports sent
 * @param accepted   reports answered 201
 * @param completed  cases with all four stages seen (accepted, process started, first task, notification)
 * @param sustained  completed cases per second, from the first report due to the last notification seen
 * @param accept     report due to 201 answer
 * @param task       report due to its first task visible over the engine's REST API
 * @param notified   report due to its notification listed by notification-service
 * @param memory     each service at the end of the phase
 * @param cpu        CPU milliseconds per completed case of each part, and the machine's busy share (0..1)
 * @param database   each service database's transactions and rows per completed case
 */
record PhaseResult(String name, int offered, int sent, int accepted, int completed, double sustained,
                   Latencies accept, Latencies task, Latencies notified, Map<String, ServiceMemory.Sample> memory,
                   Map<String, Double> cpu, Map<String, DatabaseWork.PerCase> database) {

    /** The longest p99 to the notification a phase may have and still count as holding its rate. */
    static final double BOUNDED_P99_MILLIS = 1000;

    /** Everything sent was accepted and completed, at the offered rate, with the latency bounded. */
    boolean held() {
        return sent > 0 && accepted == sent && completed == sent && sustained >= 0.95 * offered
                && notified.p99() <= BOUNDED_P99_MILLIS;
    }
}
