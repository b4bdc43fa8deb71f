package org.caseflow.notifications.web;

import java.util.List;

import org.caseflow.notifications.InvalidField;
import org.caseflow.notifications.directory.AgencyAlreadyExists;
import org.caseflow.notifications.directory.AgencyNotFound;
import org.caseflow.notifications.inbox.NotificationNotFound;
import org.caseflow.notifications.routing.RouteNotFound;
import org.caseflow.web.ApiProblemsBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the API as an RFC 9457 problem detail: the directory's, the routes' and the inbox's
 * own here, bad input as every service answers it ({@link ApiProblemsBase}); nothing internal
 * (stack traces, SQL, class names, secrets) reaches the caller.
 */
@RestControllerAdvice
class ApiProblems extends ApiProblemsBase {

    @ExceptionHandler(AgencyNotFound.class)
    ProblemDetail agencyNotFound(AgencyNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Agency not found", e, "agencyId", e.agencyId());
    }

    @ExceptionHandler(AgencyAlreadyExists.class)
    ProblemDetail agencyExists(AgencyAlreadyExists e) {
        return problem(HttpStatus.CONFLICT, "Agency exists", e, "agencyId", e.agencyId());
    }

    @ExceptionHandler(RouteNotFound.class)
    ProblemDetail routeNotFound(RouteNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Route not found", e, "routeId", e.routeId());
    }

    @ExceptionHandler(NotificationNotFound.class)
    ProblemDetail notificationNotFound(NotificationNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Notification not found", e, "notificationId", e.notificationId());
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        return invalid(List.of(error(e.field(), e.reason())));
    }

    /** A record's rule method, such as onCall.complete, reads better as the object. */
    @Override
    protected String fieldName(String field) {
        return withoutSuffix(field, ".complete");
    }
}
