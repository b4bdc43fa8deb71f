package org.caseflow.cases.casefile;

/** How much danger screening found the child in. */
public enum RiskLevel {
    HIGH, MEDIUM, LOW
}
