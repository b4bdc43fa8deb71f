package org.caseflow.cases.access;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.caseflow.cases.CasesProperties;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.identity.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a case once it has been closed for {@code caseflow.cases.retention.closed-cases}: the report,
 * the children, the account, the timeline, the tasks, shares and decisions, all of it, each case in a
 * transaction of its own. The audit log keeps who read and changed the case and when, without the
 * details (consents, override reasons), and records the erasure. A reopened case is not closed, and
 * stays. Reports' idempotency keys are forgotten once past their time.
 */
@Service
public class CaseRetention {

    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);
    private static final Caller RETENTION = new Caller("case-service retention", Set.of(), false, null, false);
    private static final int BATCH = 100;

    private final Cases cases;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final CasesProperties.Retention retention;
    private final Clock clock;

    CaseRetention(Cases cases, AuditLog audit, TransactionTemplate transactions, CasesProperties properties, Clock clock) {
        this.cases = cases;
        this.audit = audit;
        this.transactions = transactions;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${caseflow.cases.retention.interval:1h}", fixedDelayString = "${caseflow.cases.retention.interval:1h}")
    public void scheduled() {
        try {
            eraseExpired();
        } catch (RuntimeException e) {
            log.warn("Case retention: erasure failed, tried again in {}", retention.interval(), e);
        }
    }

    /** Erases every case closed longer ago than the retention; returns how many. */
    public int eraseExpired() {
        int erased = 0;
        List<UUID> expired;
        do {
            expired = cases.closedBefore(clock.instant().minus(retention.closedCases()), BATCH);
            for (UUID caseId : expired) {
                transactions.executeWithoutResult(status -> {
                    cases.erase(caseId);
                    audit.record(RETENTION, AuditAction.CASE_ERASED, caseId, AuditEntry.Outcome.DONE,
                            "closed longer ago than " + retention.closedCases().toDays() + " days");
                });
                erased++;
            }
        } while (expired.size() == BATCH);
        if (erased > 0) {
            log.info("Case retention: {} cases closed longer ago than {} days erased", erased, retention.closedCases().toDays());
        }
        cases.forgetReportKeys(clock.instant().minus(retention.idempotencyKeys()));
        return erased;
    }
}
