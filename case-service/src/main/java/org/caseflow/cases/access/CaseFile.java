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
 * Built for one reader by {@link NeedToKnow}: a reader who may know only the case's status (the agency
 * that reported it) gets its own tasks and empty lists for the rest, and {@link #storyVisible()} false.
 *
 * @param storyVisible    whether the reader may read the report itself: concerns, children, where, the account,
 *                        and what happened since
 * @param reporterVisible whether the reader may see who reported the case and how to reach them
 */
public record CaseFile(Case caze, List<TimelineEntry> timeline, List<Participant> participants, List<Share> shares,
                       List<CaseTask> tasks, List<MissedDeadline> missedDeadlines, List<Decision> decisions,
                       List<NotificationDelivery> notifications, boolean storyVisible, boolean reporterVisible) {
}
