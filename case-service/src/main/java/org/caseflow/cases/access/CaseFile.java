package org.caseflow.cases.access;

import java.util.List;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;

/** A case with everything a caseworker reads of it: its timeline, the agencies taking part, its shares. */
public record CaseFile(Case caze, List<TimelineEntry> timeline, List<Participant> participants, List<Share> shares) {
}
