package org.caseflow.cases.casefile;

/** Who made the report. */
public enum ReportSource {
    POLICE, SCHOOL, HEALTH, NGO, HOTLINE, COMMUNITY, SELF, ANONYMOUS
}
