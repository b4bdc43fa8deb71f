package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A deadline of the procedure that passed with its work undone, and who it was escalated to.
 *
 * @param deadline its name in the procedure's deadline table, such as firstContact
 */
public record MissedDeadline(String deadline, String taskKey, String taskName, Instant dueAt, Instant missedAt,
                             List<String> escalatedTo) {

    public MissedDeadline {
        escalatedTo = List.copyOf(escalatedTo);
    }
}
