package org.caseflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The errors of bad input every service answers alike, as RFC 9457 problem details: each bad field
 * named in {@code errors} with what is wrong with it; nothing internal (stack traces, SQL, class names)
 * and no raw input (control characters, long names) echoed. A service's {@code @RestControllerAdvice}
 * extends this and adds its own domain errors.
 */
public abstract class ApiProblemsBase extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(error(fieldName(error.getField()), message(error)));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(error(error.getObjectName(), message(error))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(error(result.getMethodParameter().getParameterName(), message(error)))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(invalid(List.of(error(field, "has the wrong format"))));
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
            problem.setDetail(field + ": unknown value; expected one of " + List.of(invalid.getTargetType().getEnumConstants()));
            problem.setProperty("errors", List.of(error(field, "unknown value")));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            String field = path(invalid);
            problem.setDetail(field + ": " + invalid.getOriginalMessage());
            problem.setProperty("errors", List.of(error(field, invalid.getOriginalMessage())));
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem.setDetail(field + ": unknown field");
            problem.setProperty("errors", List.of(error(field, "unknown field")));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem.setDetail(field + ": wrong type or shape");
            problem.setProperty("errors", List.of(error(field, "wrong type or shape")));
        } else {
            problem.setDetail("The body is not well-formed JSON, or gives a field twice");
            problem.setProperty("errors", List.of(error("body", "not well-formed JSON")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The name a caller knows a bad field by. A rule method of a record (an {@code @AssertTrue} such as
     * {@code children[0].identifiable}) reads better as the object: a service names its rule methods here.
     */
    protected String fieldName(String field) {
        return field;
    }

    /** Strips a trailing rule-method segment from a bean path. */
    protected static String withoutSuffix(String field, String suffix) {
        return field.endsWith(suffix) ? field.substring(0, field.length() - suffix.length()) : field;
    }

    /**
     * A problem about one thing the caller named: the exception's message as detail, and the thing's id
     * under {@code idName}, so a client need not parse the message.
     */
    protected static ProblemDetail problem(HttpStatus status, String title, RuntimeException e, String idName, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        problem.setProperty(idName, id);
        return problem;
    }

    /** A 400 naming the bad fields; one field's message becomes the detail. */
    protected static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : "The request has " + errors.size() + " invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    protected static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
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
        // The C1 controls too (U+0080 to U+009F), as the body's own strings refuse them (PlainTextDeserializer).
        String clean = fieldName.replaceAll("[\\p{Cntrl}\\x{80}-\\x{9F}]", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
    }
}
