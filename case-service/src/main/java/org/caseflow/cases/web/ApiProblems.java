package org.caseflow.cases.web;

import org.caseflow.cases.access.ShareRefused;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseStateConflict;
import org.caseflow.web.ApiProblemsBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the API as an RFC 9457 problem detail: the case's own here, bad input as every
 * service answers it ({@link ApiProblemsBase}).
 */
@RestControllerAdvice
class ApiProblems extends ApiProblemsBase {

    @ExceptionHandler(CaseNotFound.class)
    ProblemDetail caseNotFound(CaseNotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Case not found");
        problem.setProperty("caseId", e.caseId());
        return problem;
    }

    @ExceptionHandler(ShareRefused.class)
    ProblemDetail shareRefused(ShareRefused e) {
        HttpStatus status = e.reason() == ShareRefused.Reason.OVERRIDE_NEEDS_SUPERVISOR ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Share refused");
        problem.setProperty("caseId", e.caseId());
        return problem;
    }

    @ExceptionHandler(CaseStateConflict.class)
    ProblemDetail caseStateConflict(CaseStateConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the case's state");
        problem.setProperty("caseId", e.caseId());
        problem.setProperty("caseStatus", e.status());
        return problem;
    }

    @Override
    protected String fieldName(String field) {
        return withoutSuffix(field, ".identifiable");
    }
}
