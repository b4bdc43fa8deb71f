/** Taking a report: the case is stored and CaseReported written to the outbox in one transaction. */
package org.caseflow.cases.reporting;
