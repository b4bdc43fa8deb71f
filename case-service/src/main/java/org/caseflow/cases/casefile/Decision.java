package org.caseflow.cases.casefile;

import java.time.Instant;

/**
 * A decision taken on the case: a step of the procedure with its outcome (the case screened, a
 * measure decided, a placement started, the case closed) or one another agency sent (a court decision).
 *
 * @param name      the step or event, such as CaseScreened or CourtDecisionRecorded
 * @param outcome   the decision, a code such as FOSTER_CARE or CONFIRMED; null when the step has none
 * @param decidedBy the service or agency that reported it
 */
public record Decision(String name, String outcome, String riskLevel, String decidedBy, Instant decidedAt) {
}
