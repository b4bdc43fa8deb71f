package org.caseflow.cases.web;

import java.time.LocalDate;

import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.RiskLevel;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A search of cases as both doors take it from the query string (GET /api/cases and the page /cases):
 * every criterion optional, an empty one meaning any; dates as ISO days (2026-12-01).
 */
public record CaseSearchParameters(
        CaseStatus status,
        RiskLevel riskLevel,
        String agency,
        Concern concern,
        Boolean overdue,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedTo,
        CaseSearch.Sort sort,
        Integer page,
        Integer size) {

    /**
     * @param defaultSize cases per page when the request names none
     * @throws org.caseflow.cases.casefile.InvalidSearch for a page or size out of range, or dates the wrong way round
     */
    public CaseSearch toSearch(int defaultSize) {
        return new CaseSearch(status, riskLevel, agency == null || agency.isBlank() ? null : agency, concern, overdue,
                reportedFrom, reportedTo, sort, page == null ? 0 : page, size == null ? defaultSize : size);
    }
}
