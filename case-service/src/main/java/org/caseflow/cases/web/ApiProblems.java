package org.caseflow.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.caseflow.cases.access.ShareRefused;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseStateConflict;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail. Bad input names each bad field in
 * {@code errors}; nothing internal (stack traces, SQL, class names) reaches the caller.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

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
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", fieldName(error.getField()),
                    "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String field = path(invalid);
            problem.setDetail(field + ": unknown value; expected one of "
                    + List.of(invalid.getTargetType().getEnumConstants()));
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "unknown value")));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            String field = path(invalid);
            problem.setDetail(field + ": " + invalid.getOriginalMessage());
            problem.setProperty("errors", List.of(Map.of("field", field, "message", invalid.getOriginalMessage())));
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem.setDetail(field + ": unknown field");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "unknown field")));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem.setDetail(field + ": wrong type or shape");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "wrong type or shape")));
        } else {
            problem.setDetail("The body is not well-formed JSON, or gives a field twice");
            problem.setProperty("errors", List.of(Map.of("field", "body", "message", "not well-formed JSON")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(printable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A field name as the caller wrote it, without control characters and cut short: an answer echoes no raw input. */
    private static String printable(String fieldName) {
        String clean = fieldName.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
    }

    /** Bean paths of a record's method-level rule, such as children[0].identifiable, read better as the object. */
    private static String fieldName(String field) {
        return field.endsWith(".identifiable") ? field.substring(0, field.length() - ".identifiable".length()) : field;
    }
}
