package org.caseflow.cases.casefile;

/** A search that cannot be run as asked: the criterion named is out of range or contradicts another. */
public class InvalidSearch extends RuntimeException {

    private final String field;

    public InvalidSearch(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
