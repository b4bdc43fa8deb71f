package org.caseflow.cases.casefile;

/** What the reporter fears for the child. */
public enum Concern {
    VIOLENCE, NEGLECT, SEXUAL_ABUSE, TRAFFICKING_SUSPECTED, CHILD_LABOUR, BEGGING, UNACCOMPANIED,
    DOMESTIC_VIOLENCE, OTHER
}
