package org.caseflow.cases.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.caseflow.cases.CasesProperties;
import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.identity.Caller;

/**
 * What a reader may know of a case, decided from why their agency takes part in it: the one place
 * that decides it (docs/operations.md, "Need to know").
 *
 * <ul>
 *   <li>a supervisor, and an agency that owns the cases it takes part in (the Child Protection Unit): the
 *       whole file, for as long as the case lives;</li>
 *   <li>an agency the case was shared with (consent or a supervisor's override): the whole file;</li>
 *   <li>an agency with a task: the whole file while it has an open task, and for the configured time
 *       after its last task ended;</li>
 *   <li>the agency that reported the case, and nothing more: its status and what is asked of it (its own
 *       tasks), not the story;</li>
 *   <li>anyone else, and an agency whose last task ended longer ago: nothing (the case answers as one
 *       that does not exist).</li>
 * </ul>
 * Who reported the case, and how to reach them, is for supervisors and the agencies configured for it
 * ({@code caseflow.cases.reporter-visible-to}), among those who see the whole file.
 */
final class NeedToKnow {

    /** How much of a case a reader sees. */
    enum Sight {
        NONE, STATUS, FILE;

        boolean atLeast(Sight other) {
            return compareTo(other) >= 0;
        }
    }

    private final CasesProperties properties;

    NeedToKnow(CasesProperties properties) {
        this.properties = properties;
    }

    /**
     * @param participants the agencies taking part, each with the reason it first did
     * @param tasks        the case's tasks, open and ended
     * @param sharedWith   the agencies the case was shared with
     */
    Sight of(Caller caller, List<Participant> participants, List<CaseTask> tasks, Set<String> sharedWith, Instant now) {
        if (caller.supervisor()) {
            return Sight.FILE;
        }
        Sight sight = Sight.NONE;
        for (String agency : caller.agencies()) {
            Participant participant = participants.stream().filter(p -> p.agency().equals(agency)).findFirst().orElse(null);
            if (participant != null && properties.needToKnow().owners().contains(agency) || sharedWith.contains(agency)
                    || workingOn(agency, tasks, now)) {
                return Sight.FILE;
            }
            if (participant != null && participant.reason() == Participant.Reason.REPORTED) {
                sight = Sight.STATUS;
            }
        }
        return sight;
    }

    /** The cases a search by the caller finds: those it may open, by the same rule. */
    CaseSearch.Scope searchScope(Caller caller, Instant now) {
        return caller.supervisor() ? CaseSearch.Scope.ALL
                : new CaseSearch.Scope(caller.agencies(), properties.needToKnow().owners(), now.minus(properties.needToKnow().afterLastTask()));
    }

    /** Whether the reader, who sees the file, may also know who reported the case. */
    boolean knowsTheReporter(Caller caller, Sight sight) {
        return sight == Sight.FILE && (caller.supervisor() || properties.reporterVisibleTo().stream().anyMatch(caller.agencies()::contains));
    }

    /** The tasks a reader sees: all with the file; with the status, those asked of the reader's agencies. */
    static List<CaseTask> tasksSeen(Caller caller, Sight sight, List<CaseTask> tasks) {
        if (sight == Sight.FILE) {
            return tasks;
        }
        Set<String> agencies = caller.agencies();
        return tasks.stream().filter(task -> task.agencies().stream().anyMatch(agencies::contains)).toList();
    }

    /** An open task of the agency, or its last task ended within the configured time. */
    private boolean workingOn(String agency, List<CaseTask> tasks, Instant now) {
        Instant until = now.minus(properties.needToKnow().afterLastTask());
        return tasks.stream().filter(task -> task.agencies().contains(agency))
                .anyMatch(task -> task.open() || task.completedAt().isAfter(until));
    }
}
