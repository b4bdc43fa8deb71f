package org.caseflow.notifications;

/** A request that breaks a rule only the service can check (an unknown agency, a missing template). */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field's name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
