package org.caseflow.cases.web;

import org.caseflow.cases.access.AgencyEventRefused;
import org.caseflow.cases.access.IdempotencyKeyReused;
import org.caseflow.cases.access.ShareRefused;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseStateConflict;
import org.caseflow.cases.casefile.InvalidSearch;
import org.caseflow.cases.reporting.AgencyEventConflict;
import org.caseflow.web.ApiProblemsBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the API as an RFC 9457 problem detail: the case's own here, bad input as every
 * service answers it ({@link ApiProblemsBase}). The pages have their own error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ApiProblemsBase {

    @ExceptionHandler(CaseNotFound.class)
    ProblemDetail caseNotFound(CaseNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Case not found", e, "caseId", e.caseId());
    }

    @ExceptionHandler(ShareRefused.class)
    ProblemDetail shareRefused(ShareRefused e) {
        HttpStatus status = e.reason() == ShareRefused.Reason.OVERRIDE_NEEDS_SUPERVISOR ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return problem(status, "Share refused", e, "caseId", e.caseId());
    }

    @ExceptionHandler(AgencyEventRefused.class)
    ProblemDetail agencyEventRefused(AgencyEventRefused e) {
        return e.forbidden()
                ? problem(HttpStatus.FORBIDDEN, "Agency event refused", e, "caseId", e.caseId())
                : invalid(java.util.List.of(error(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AgencyEventConflict.class)
    ProblemDetail agencyEventConflict(AgencyEventConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Agency event conflicts with an earlier one", e, "caseId", e.caseId());
        problem.setProperty("reference", e.reference());
        return problem;
    }

    @ExceptionHandler(CaseController.InvalidHeader.class)
    ProblemDetail invalidHeader(CaseController.InvalidHeader e) {
        return invalid(java.util.List.of(error(e.header(), e.getMessage())));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }

    @ExceptionHandler(CaseStateConflict.class)
    ProblemDetail caseStateConflict(CaseStateConflict e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not possible in the case's state", e, "caseId", e.caseId());
        problem.setProperty("caseStatus", e.status());
        return problem;
    }

    @ExceptionHandler(InvalidSearch.class)
    ProblemDetail invalidSearch(InvalidSearch e) {
        return invalid(java.util.List.of(error(e.field(), e.getMessage())));
    }

    @Override
    protected String fieldName(String field) {
        return withoutSuffix(field, ".identifiable");
    }
}
