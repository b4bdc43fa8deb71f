package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A task the procedure gave agencies on the case, as the workflow events told it.
 *
 * @param dueAt       the deadline, when the task has one
 * @param completedAt when it ended, completed or cancelled; null while the task is open
 * @param cancelled   it ended without being completed (the procedure moved past it)
 */
public record CaseTask(String taskId, String taskKey, String taskName, List<String> agencies, Instant dueAt,
                       Instant createdAt, Instant completedAt, String completedBy, boolean cancelled) {

    public CaseTask {
        agencies = List.copyOf(agencies);
    }

    public boolean open() {
        return completedAt == null;
    }

    /** Where the task stands against its deadline at the given moment. */
    public DeadlineState deadlineAt(Instant now) {
        if (dueAt == null || cancelled) {
            return DeadlineState.NONE;
        }
        if (open()) {
            return now.isAfter(dueAt) ? DeadlineState.OVERDUE : DeadlineState.RUNNING;
        }
        return completedAt.isAfter(dueAt) ? DeadlineState.MET_LATE : DeadlineState.MET;
    }

    public enum DeadlineState {
        /** The task has no deadline. */
        NONE,
        /** Open, and its deadline has not passed. */
        RUNNING,
        /** Open, and its deadline has passed. */
        OVERDUE,
        /** Done by its deadline. */
        MET,
        /** Done, after its deadline. */
        MET_LATE
    }
}
