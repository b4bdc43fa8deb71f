package org.caseflow.cases.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.caseflow.cases.access.AuditEntry;
import org.caseflow.cases.access.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, newest first, for supervisors only (see the identity module's ApiSecurity): of one
 * case, of one user, or all; a page ends where {@code before} (the last id of the previous page) says.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditEntry> entries(@RequestParam(required = false) UUID caseId,
                             @RequestParam(required = false) @Size(max = 100) String user,
                             @RequestParam(required = false) Long before,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.find(caseId, user, before, limit);
    }
}
