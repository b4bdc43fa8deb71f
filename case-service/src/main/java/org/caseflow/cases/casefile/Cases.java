package org.caseflow.cases.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where cases and their timelines are kept. */
public interface Cases {

    void add(Case caze);

    /** The next case number; numbers are never handed out twice. */
    long nextNumber();

    Optional<Case> find(UUID id);

    default Case get(UUID id) {
        return find(id).orElseThrow(() -> new CaseNotFound(id));
    }

    /**
     * The case, locked until the end of the caller's transaction, for a change: two changes of one case
     * (an event from the procedure, a reopening) then cannot overwrite each other.
     */
    Case getForUpdate(UUID id);

    /** Saves a changed status. */
    void update(Case caze);

    /**
     * Adds an entry to the case's timeline unless an entry for the same event is there already.
     *
     * @return false when the event was recorded before
     */
    boolean appendToTimeline(UUID caseId, TimelineEntry entry);

    /** The case's timeline, in the order the events were seen. */
    List<TimelineEntry> timeline(UUID caseId);

    /** Records that the agencies take part in the case; an agency that takes part already keeps its first reason. */
    void addParticipants(UUID caseId, Collection<String> agencies, Participant.Reason reason, Instant since);

    /** The agencies that take part in the case, the earliest first. */
    List<Participant> participants(UUID caseId);

    /** Records the share; the agency then takes part in the case. */
    void addShare(Share share);

    /** The case's shares, the earliest first. */
    List<Share> shares(UUID caseId);

    /** Records a task the procedure created, unless it is recorded already. */
    void addTask(UUID caseId, CaseTask task);

    /** Records that a task was completed; a task not recorded yet is left alone. */
    void completeTask(String taskId, Instant completedAt, String completedBy);

    /** Records that a task ended without being completed; a task not recorded, or ended already, is left alone. */
    void cancelTask(String taskId, Instant endedAt);

    /** Ends every task of the case still open, as cancelled (the case closed). */
    void cancelOpenTasks(UUID caseId, Instant endedAt);

    /** The case's tasks, the earliest first. */
    List<CaseTask> tasks(UUID caseId);

    void addMissedDeadline(UUID caseId, String eventId, MissedDeadline missed);

    /** The deadlines missed on the case, the earliest first. */
    List<MissedDeadline> missedDeadlines(UUID caseId);

    void addDecision(UUID caseId, String eventId, Decision decision);

    /** The decisions taken on the case, the earliest first. */
    List<Decision> decisions(UUID caseId);

    /** Records where a delivery of a notification stands; an older state never replaces a newer one. */
    void recordNotification(UUID caseId, NotificationDelivery delivery);

    /** The notifications about the case, the earliest first. */
    List<NotificationDelivery> notifications(UUID caseId);

    /** The cases in the scope that match the search, one page of them. */
    CaseSummary.Page search(CaseSearch search, CaseSearch.Scope scope, ZoneId zone, Instant now);

    /** The cases closed (and not changed since) before the moment, oldest first, at most {@code limit}. */
    List<UUID> closedBefore(Instant before, int limit);

    /** Deletes the case and everything recorded of it; the audit log keeps who did what, without details. */
    void erase(UUID caseId);

    /** The report the caller made with the key since the moment, if any: its digest and case. */
    Optional<KeptReport> reportedWithKey(String actor, String key, Instant since);

    /** Keeps the key a case was made with; one the caller kept already is a duplicate key error (two at once). */
    void keepReportKey(String actor, String key, String digest, UUID caseId, Instant at);

    /** Forgets the keys kept before the moment; returns how many. */
    int forgetReportKeys(Instant before);

    /**
     * Keeps the agency event under its reference, unless one is kept there already (then waits for it
     * to commit): empty when this one is the first, else the one kept.
     */
    Optional<AgencyEventReference> keepAgencyEventReference(UUID caseId, String kind, String reference, String outcome, String eventId);

    /** An agency event kept under the agency's reference: what it said and the event it became. */
    record AgencyEventReference(String outcome, String eventId) {
    }

    /** A report made under an idempotency key: the request's digest and the case it made. */
    record KeptReport(String digest, UUID caseId) {
    }
}
