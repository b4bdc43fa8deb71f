package org.caseflow.cases.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.caseflow.cases.CasesProperties;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseSummary;
import org.caseflow.cases.casefile.InvalidSearch;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseStateConflict;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;
import org.caseflow.cases.reporting.AgencyEventConflict;
import org.caseflow.cases.reporting.AgencyEventTaken;
import org.caseflow.cases.reporting.CaseActions;
import org.caseflow.cases.reporting.CaseReporting;
import org.caseflow.identity.Caller;
import org.caseflow.cases.access.NeedToKnow.Sight;
import org.caseflow.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in to a case for a person: decides who may read and change it, and writes the audit
 * record of each read, change and refusal.
 * <p>
 * How much of a case a caseworker reads depends on why their agency takes part in it ({@link NeedToKnow}):
 * the whole file, or only its status and what is asked of the agency; changing it (reopening, sharing)
 * needs the whole file. A supervisor may read and change any. To anyone else a case answers as if it did
 * not exist, and the refusal is audited. Sharing with another agency records the consent it rests on,
 * or a supervisor's override and its reason.
 */
@Service
public class CaseAccess {

    private static final Logger log = LoggerFactory.getLogger(CaseAccess.class);

    private final Cases cases;
    private final CaseReporting reporting;
    private final CaseActions actions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final IdentityProperties identities;
    private final Clock clock;

    private final CasesProperties properties;
    private final NeedToKnow needToKnow;

    CaseAccess(Cases cases, CaseReporting reporting, CaseActions actions, AuditLog audit, TransactionTemplate transactions,
               IdentityProperties identities, CasesProperties properties, Clock clock) {
        this.cases = cases;
        this.reporting = reporting;
        this.actions = actions;
        this.audit = audit;
        this.transactions = transactions;
        this.identities = identities;
        this.properties = properties;
        this.clock = clock;
        this.needToKnow = new NeedToKnow(properties);
    }

    /** Opens a case for the report; the reporter's agencies take part in it from then on. */
    public Case report(Report report, String correlationId, Caller caller) {
        return report(report, correlationId, caller, null);
    }

    /**
     * Opens a case for the report, once per idempotency key: the same caller sending the same key with
     * the same report again (a retry after a lost answer) gets the case the first made, for as long as
     * {@code caseflow.cases.retention.idempotency-keys}; two such requests at once make one case.
     *
     * @param key the client's key and a digest of its request, or null for none
     * @throws IdempotencyKeyReused when the key came with another report
     */
    public Case report(Report report, String correlationId, Caller caller, IdempotencyKey key) {
        try {
            return reportOnce(report, correlationId, caller, key);
        } catch (org.springframework.dao.DuplicateKeyException race) {
            // The same key at the same moment: the other request made the case, which this one now finds.
            return reportOnce(report, correlationId, caller, key);
        }
    }

    private Case reportOnce(Report report, String correlationId, Caller caller, IdempotencyKey key) {
        return transactions.execute(status -> {
            if (key != null) {
                Optional<Cases.KeptReport> earlier = cases.reportedWithKey(caller.user(), key.key(),
                        clock.instant().minus(properties.retention().idempotencyKeys()));
                if (earlier.isPresent()) {
                    if (!earlier.get().digest().equals(key.digest())) {
                        throw new IdempotencyKeyReused();
                    }
                    audit.record(caller, AuditAction.CASE_REPORTED, earlier.get().caseId(), AuditEntry.Outcome.DONE,
                            "the same report again (Idempotency-Key): no second case");
                    return cases.get(earlier.get().caseId());
                }
            }
            Case caze = reporting.report(report, correlationId);
            cases.addParticipants(caze.id(), caller.agencies(), Participant.Reason.REPORTED, caze.reportedAt());
            if (key != null) {
                cases.keepReportKey(caller.user(), key.key(), key.digest(), caze.id(), caze.reportedAt());
            }
            audit.record(caller, AuditAction.CASE_REPORTED, caze.id(), AuditEntry.Outcome.DONE, "source " + report.source());
            return caze;
        });
    }

    /**
     * A client's Idempotency-Key and a digest of the request it came with.
     *
     * @param digest the request's SHA-256, hex: what tells a retry from another report under the same key
     */
    public record IdempotencyKey(String key, String digest) {
    }

    public CaseFile read(UUID caseId, Caller caller) {
        return read(caseId, caller, null);
    }

    /**
     * @param how where the case was read (the case file page), for the audit record; null for the API
     */
    public CaseFile read(UUID caseId, Caller caller, String how) {
        return guarded(caseId, caller, AuditAction.CASE_READ, how, Sight.STATUS, decided -> file(caseId, caller, decided));
    }

    /**
     * The cases the caller may read that match the search: a caseworker's agencies' cases, every case for
     * a supervisor. The search is audited with its criteria; it shows no child's name or story.
     */
    public CaseSummary.Page search(CaseSearch search, Caller caller) {
        if (search.agency() != null && !identities.agencyIds().contains(search.agency())) {
            throw new InvalidSearch("agency", "'" + search.agency() + "' is not an agency; expected one of "
                    + identities.agencyIds().stream().sorted().toList());
        }
        CaseSearch.Scope scope = needToKnow.searchScope(caller, clock.instant());
        return transactions.execute(status -> {
            CaseSummary.Page page = cases.search(search, scope, properties.timeZone(), clock.instant());
            audit.record(caller, AuditAction.CASES_SEARCHED, null, AuditEntry.Outcome.DONE, "criteria " + search
                    + "; " + page.cases().size() + " of " + page.total() + " shown");
            // So that "who saw this case" finds the lists it was shown in too.
            page.cases().forEach(shown -> audit.record(caller, AuditAction.CASE_LISTED, shown.id(), AuditEntry.Outcome.DONE,
                    "shown in a list of cases"));
            return page;
        });
    }

    /** Reopens a closed case on the caller's behalf; the procedure starts again. */
    public CaseFile reopen(UUID caseId, Caller caller, String correlationId) {
        return guarded(caseId, caller, AuditAction.CASE_REOPENED, null, Sight.FILE, decided -> {
            actions.reopen(caseId, caller.user(), correlationId);
            return file(caseId, caller, decided.sight());
        });
    }

    /**
     * Passes an event from another agency's system, such as a court decision, to the procedure. The
     * caller sends for their own agency only (a body outside caseflow through its service identity), and
     * only the kinds configured for it; the outcome and attributes must be the kind's.
     *
     * @param agency the sending agency; null for the caller's own when they act for one only
     * @throws AgencyEventRefused for an event the configuration does not declare, or one the caller may not send
     */
    public AgencyEventTaken agencyEvent(UUID caseId, String kind, String agency, String outcome, String reference,
                              Map<String, String> attributes, String correlationId, Caller caller) {
        String sender = agency != null ? agency : caller.agencies().size() == 1 ? caller.agencies().iterator().next() : null;
        String detail = kind + " from " + sender;
        try {
            checkAgencyEvent(caseId, kind, sender, outcome, attributes, caller);
        } catch (AgencyEventRefused e) {
            refused(caller, caseId, detail, e, e.forbidden() ? "not the caller's to send" : e.field());
            throw e;
        }
        Supplier<AgencyEventTaken> work = () -> actions.agencyEvent(caseId, kind, sender, outcome, reference, attributes, correlationId);
        try {
            return agencyEvent(caseId, detail, work, caller);
        } catch (AgencyEventConflict e) {
            refused(caller, caseId, detail, e, "another outcome under reference " + e.reference());
            throw e;
        }
    }

    /** An agency event refused: in the audit log with the reason, nothing else recorded. */
    private void refused(Caller caller, UUID caseId, String detail, RuntimeException reason, String why) {
        transactions.executeWithoutResult(status -> audit.record(caller, AuditAction.AGENCY_EVENT_RECEIVED, caseId,
                AuditEntry.Outcome.REFUSED, detail + ": " + reason.getMessage()));
        log.warn("{} refused to {} (case {}): {}", detail, caller.user(), caseId, why);
    }

    private AgencyEventTaken agencyEvent(UUID caseId, String detail, Supplier<AgencyEventTaken> work, Caller caller) {
        if (caller.service()) {
            // A body outside caseflow takes no part in the case: it answers what the procedure asked of it.
            return transactions.execute(status -> {
                AgencyEventTaken taken = work.get();
                audit.record(caller, AuditAction.AGENCY_EVENT_RECEIVED, caseId, AuditEntry.Outcome.DONE,
                        taken.repeated() ? detail + " (again: taken once)" : detail);
                return taken;
            });
        }
        return guarded(caseId, caller, AuditAction.AGENCY_EVENT_RECEIVED, detail, Sight.STATUS, decided -> work.get());
    }

    private void checkAgencyEvent(UUID caseId, String kind, String sender, String outcome, Map<String, String> attributes,
                                  Caller caller) {
        if (sender == null || !caller.agencies().contains(sender)) {
            throw new AgencyEventRefused(caseId, null, sender == null
                    ? "say which of your agencies sends the event (agency)"
                    : "an event of " + sender + " is for " + sender + "'s own users or service to send");
        }
        CasesProperties.AgencyEventKind declared = properties.agencyEvents().get(kind);
        if (declared == null) {
            throw new AgencyEventRefused(caseId, "kind", "'" + kind + "' is not a kind of agency event; expected one of "
                    + properties.agencyEvents().keySet().stream().sorted().toList());
        }
        if (!declared.senders().contains(sender)) {
            throw new AgencyEventRefused(caseId, null, sender + " does not send " + kind);
        }
        if (outcome != null && !declared.outcomes().contains(outcome) || outcome == null && !declared.outcomes().isEmpty()) {
            throw new AgencyEventRefused(caseId, "outcome", "must be one of " + declared.outcomes());
        }
        for (Map.Entry<String, String> attribute : (attributes == null ? Map.<String, String>of() : attributes).entrySet()) {
            java.util.regex.Pattern pattern = declared.attributes().get(attribute.getKey());
            if (pattern == null) {
                throw new AgencyEventRefused(caseId, "attributes." + attribute.getKey(), kind + " has no such attribute; expected one of "
                        + declared.attributes().keySet().stream().sorted().toList());
            }
            if (attribute.getValue() == null || !pattern.matcher(attribute.getValue()).matches()) {
                throw new AgencyEventRefused(caseId, "attributes." + attribute.getKey(), "must match " + pattern.pattern());
            }
        }
    }

    /**
     * Shares the case with another agency, whose caseworkers may read it from then on.
     *
     * @param consent        the consent it rests on, or null with an override
     * @param overrideReason a supervisor's reason to share without consent, or null with consent
     * @throws ShareRefused  for an unknown agency, or an override by someone who is not a supervisor
     */
    public CaseFile share(UUID caseId, String agency, Share.Consent consent, String overrideReason, Caller caller) {
        if (!identities.agencyIds().contains(agency)) {
            throw new ShareRefused(caseId, ShareRefused.Reason.UNKNOWN_AGENCY, "'" + agency + "' is not an agency; expected one of "
                    + identities.agencyIds().stream().sorted().toList());
        }
        if (overrideReason != null && !caller.supervisor()) {
            transactions.executeWithoutResult(status -> audit.record(caller, AuditAction.CASE_SHARED, caseId,
                    AuditEntry.Outcome.REFUSED, "override to share with " + agency + " by a user who is not a supervisor"));
            throw new ShareRefused(caseId, ShareRefused.Reason.OVERRIDE_NEEDS_SUPERVISOR,
                    "Only a supervisor may share a case without consent");
        }
        Share share = new Share(UUID.randomUUID(), caseId, agency, caller.user(), clock.instant(), consent, overrideReason);
        String detail = "shared with " + agency + (share.overridden()
                ? "; supervisor's override without consent: " + overrideReason
                : "; consent of " + consent.givenBy() + (consent.reference() == null ? "" : ", recorded in " + consent.reference()));
        return guarded(caseId, caller, AuditAction.CASE_SHARED, detail, Sight.FILE, decided -> {
            Case caze = cases.getForUpdate(caseId);
            cases.addShare(share);
            cases.appendToTimeline(caze.id(), new TimelineEntry("share-" + share.id(), "CaseShared", share.sharedAt(),
                    "case-service", "Shared with " + agency + (share.overridden() ? " on a supervisor's override" : " on consent")));
            log.info("Case {} shared with {} by {} ({})", caseId, agency, caller.user(), share.overridden() ? "override" : "consent");
            return file(caseId, caller, decided.sight());
        });
    }

    /**
     * Does the work and writes its audit record in one transaction when the caller sees enough of the
     * case ({@link NeedToKnow}); otherwise records the refusal and answers as for a case that does not
     * exist. Work stopped by the case's state or absence rolls back with its audit row, so that attempt is
     * recorded on its own, as failed.
     */
    private <T> T guarded(UUID caseId, Caller caller, AuditAction action, String detail, Sight needed,
                          java.util.function.Function<Decided, T> work) {
        Optional<T> done;
        try {
            done = doneIfAllowed(caseId, caller, action, detail, needed, work);
        } catch (CaseNotFound | CaseStateConflict e) {
            transactions.executeWithoutResult(status -> audit.record(caller, action, caseId, AuditEntry.Outcome.FAILED, e.getMessage()));
            throw e;
        }
        return done.orElseThrow(() -> new CaseNotFound(caseId));
    }

    private <T> Optional<T> doneIfAllowed(UUID caseId, Caller caller, AuditAction action, String detail, Sight needed,
                                          java.util.function.Function<Decided, T> work) {
        return transactions.execute(status -> {
            List<Participant> participants = cases.participants(caseId);
            List<CaseTask> tasks = cases.tasks(caseId);
            List<Share> shares = cases.shares(caseId);
            Sight sight = needToKnow.of(caller, participants, tasks,
                    shares.stream().map(Share::agency).collect(java.util.stream.Collectors.toSet()), clock.instant());
            if (!sight.atLeast(needed)) {
                audit.record(caller, action, caseId, AuditEntry.Outcome.REFUSED, sight == Sight.NONE
                        ? "the caller's agencies take no part in the case (or no longer), or there is no such case"
                        : "the caller's agencies may know only the case's status");
                log.warn("{} refused to {} (case {}): the user's agencies may not", action, caller.user(), caseId);
                return Optional.empty();
            }
            T result = work.apply(new Decided(sight, participants, tasks, shares));
            audit.record(caller, action, caseId, AuditEntry.Outcome.DONE, detail);
            return Optional.of(result);
        });
    }

    /** What the guard read of the case to decide, and decided: a read that changes nothing shows the same. */
    private record Decided(Sight sight, List<Participant> participants, List<CaseTask> tasks, List<Share> shares) {
    }

    /** The file after a change: read again. */
    private CaseFile file(UUID caseId, Caller caller, Sight sight) {
        return file(caseId, caller, new Decided(sight, cases.participants(caseId), cases.tasks(caseId), cases.shares(caseId)));
    }

    private CaseFile file(UUID caseId, Caller caller, Decided decided) {
        List<CaseTask> tasks = NeedToKnow.tasksSeen(caller, decided.sight(), decided.tasks());
        if (decided.sight() != Sight.FILE) {
            return new CaseFile(cases.get(caseId), List.of(), List.of(), List.of(), tasks, List.of(), List.of(), List.of(),
                    false, false);
        }
        return new CaseFile(cases.get(caseId), cases.timeline(caseId), decided.participants(), decided.shares(),
                tasks, cases.missedDeadlines(caseId), cases.decisions(caseId), cases.notifications(caseId),
                true, needToKnow.knowsTheReporter(caller, decided.sight()));
    }
}
