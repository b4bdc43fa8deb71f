package org.caseflow.benchmark;

/**
 * One report offered by the driver and the moments (System.nanoTime) each stage of its case was seen.
 * The clock starts at the moment the report was due to be sent, so a driver that falls behind cannot
 * hide waiting time.
 */
final class TrackedCase {

    static final long NOT_YET = 0;

    final long dueAt;
    volatile String caseId;
    volatile long acceptedAt = NOT_YET;
    volatile long taskVisibleAt = NOT_YET;
    volatile long notifiedAt = NOT_YET;
    volatile boolean failed;

    TrackedCase(long dueAt) {
        this.dueAt = dueAt;
    }

    boolean accepted() {
        return acceptedAt != NOT_YET;
    }

    boolean awaitsTask() {
        return accepted() && taskVisibleAt == NOT_YET;
    }

    boolean awaitsNotification() {
        return accepted() && notifiedAt == NOT_YET;
    }

    /** Report accepted, process started and first task created (one engine transaction), notification recorded. */
    boolean complete() {
        return accepted() && taskVisibleAt != NOT_YET && notifiedAt != NOT_YET;
    }

    /** Seen at the task stage, or never will be. */
    boolean passedTaskStage() {
        return failed || taskVisibleAt != NOT_YET;
    }

    /** Seen at the notification stage, or never will be. */
    boolean passedNotificationStage() {
        return failed || notifiedAt != NOT_YET;
    }

    boolean settled() {
        return failed || complete();
    }
}
