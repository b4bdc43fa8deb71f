package org.caseflow.cases.reporting;

import java.time.Clock;
import java.time.ZoneId;

import org.caseflow.cases.CasesProperties;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.TimelineEntry;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Concern;
import org.caseflow.events.Envelope;
import org.caseflow.events.ReportSource;
import org.caseflow.events.ReportedChild;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for a report. The case, the first timeline entry and the CaseReported event are
 * written in one transaction: either all of them exist or none, and the event leaves through the
 * outbox once Kafka takes it, however long it is away.
 */
@Service
public class CaseReporting {

    private static final Logger log = LoggerFactory.getLogger(CaseReporting.class);

    private final Cases cases;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final Clock clock;

    private final ZoneId zone;

    CaseReporting(Cases cases, Outbox outbox, Envelopes envelopes, Clock clock, CasesProperties properties) {
        this.cases = cases;
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @Transactional
    public Case report(Report report, String correlationId) {
        Case caze = Case.open(report, clock.instant(), correlationId, cases.nextNumber(), zone);
        cases.add(caze);
        CaseReported event = caseReported(caze);
        Envelope envelope = event.getEnvelope();
        cases.appendToTimeline(caze.id(), new TimelineEntry(envelope.getEventId(), envelope.getEventType(),
                envelope.getOccurredAt(), envelope.getProducer(), "Report received from " + report.source()));
        outbox.append(Topics.CASE_EVENTS, event);
        log.info("Case {} reported by source {} ({} children, immediate danger: {})",
                caze.id(), report.source(), report.children().size(), report.immediateDanger());
        return caze;
    }

    /** The facts the procedure decides on; no names, descriptions, contacts or the account. */
    private CaseReported caseReported(Case caze) {
        Report report = caze.report();
        return CaseReported.newBuilder()
                .setEnvelope(envelopes.next(CaseReported.class, caze.id().toString(), caze.correlationId()))
                .setSource(ReportSource.valueOf(report.source().name()))
                .setConcerns(report.concerns().stream().sorted().map(c -> Concern.valueOf(c.name())).toList())
                .setImmediateDanger(report.immediateDanger())
                .setChildren(report.children().stream()
                        .map(child -> ReportedChild.newBuilder().setAgeYears(child.ageYears()).build())
                        .toList())
                .setMunicipality(report.location().municipality())
                .setReference(caze.reference())
                .build();
    }
}
