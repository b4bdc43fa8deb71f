package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where cases and their timelines are kept. */
public interface Cases {

    void add(Case caze);

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
}
