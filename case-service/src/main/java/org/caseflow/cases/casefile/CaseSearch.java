package org.caseflow.cases.casefile;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a search of cases asks for; every criterion is optional (null: any).
 *
 * @throws InvalidSearch for a page or size out of range, or dates the wrong way round
 *
 * @param overdue      true: only cases with an open task past its deadline; false: only those without
 * @param reportedFrom reported on or after this day (Albania's time)
 * @param reportedTo   reported on or before this day
 * @param page         0 for the first page
 * @param size         cases per page, 1 to 100
 */
public record CaseSearch(CaseStatus status, RiskLevel riskLevel, String agency, Concern concern, Boolean overdue,
                         LocalDate reportedFrom, LocalDate reportedTo, Sort sort, int page, int size) {

    public static final int MAX_SIZE = 100;

    public CaseSearch {
        sort = sort == null ? Sort.NEWEST : sort;
        if (page < 0) {
            throw new InvalidSearch("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearch("size", "must be between 1 and " + MAX_SIZE);
        }
        if (reportedFrom != null && reportedTo != null && reportedTo.isBefore(reportedFrom)) {
            throw new InvalidSearch("reportedTo", "is before reportedFrom");
        }
    }

    /** The order of the results. */
    public enum Sort {
        /** Newest report first. */
        NEWEST,
        /** Oldest report first. */
        OLDEST,
        /** The case whose next deadline comes first, cases without one last. */
        NEXT_DUE,
        /** High risk first, then medium, low, not yet screened. */
        RISK
    }

    /**
     * Whose cases a search finds: a supervisor's all; a caseworker's those their agencies may open (the
     * rule of access/NeedToKnow): reported by them, shared with them, owned by them (owners), or with a
     * task of theirs open or ended after {@code tasksEndedAfter}.
     *
     * @param agencies the caseworker's agencies, or null for a supervisor
     */
    public record Scope(Set<String> agencies, Set<String> owners, java.time.Instant tasksEndedAfter) {
        public static final Scope ALL = new Scope(null, Set.of(), java.time.Instant.EPOCH);

        public boolean all() {
            return agencies == null;
        }
    }
}
