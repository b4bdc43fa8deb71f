package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as a list of cases shows it: what tells it apart, and no child's name or story.
 *
 * @param youngestChildAge the age of the youngest child whose age is known; null when none is
 * @param nextDueAt        the earliest deadline of its open tasks; null when none has one
 * @param overdue          whether an open task is past its deadline
 */
public record CaseSummary(UUID id, String reference, CaseStatus status, String riskLevel, Instant reportedAt,
                          List<Concern> concerns, Integer youngestChildAge, List<String> agencies, int openTasks,
                          Instant nextDueAt, boolean overdue) {

    public CaseSummary {
        concerns = List.copyOf(concerns);
        agencies = List.copyOf(agencies);
    }

    /** One page of a search, and how many cases match in all. */
    public record Page(List<CaseSummary> cases, long total, int page, int size) {
        public Page {
            cases = List.copyOf(cases);
        }

        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }
}
