package org.caseflow.cases.access;

import java.util.List;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.cases.casefile.NotificationDelivery;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;

/**
 * A case with everything a caseworker reads of it: its timeline, the agencies taking part, its shares,
 * its tasks and deadlines, the decisions taken and the notifications sent.
 *
 * @param reporterVisible whether the reader may see who reported the case and how to reach them
 */
public record CaseFile(Case caze, List<TimelineEntry> timeline, List<Participant> participants, List<Share> shares,
                       List<CaseTask> tasks, List<MissedDeadline> missedDeadlines, List<Decision> decisions,
                       List<NotificationDelivery> notifications, boolean reporterVisible) {
}
