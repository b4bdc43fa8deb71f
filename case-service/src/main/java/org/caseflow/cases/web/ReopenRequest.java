package org.caseflow.cases.web;

import jakarta.validation.constraints.Size;

/** The body of POST /api/cases/{id}/reopen. */
record ReopenRequest(@Size(max = 100) String reopenedBy) {
}
