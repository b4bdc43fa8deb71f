package org.caseflow.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of workflow-service, under {@code caseflow.workflow}.
 *
 * @param procedureKey the BPMN process started for every reported case
 * @param caseFileUrl  the case file page in case-service, {caseId} filled in: every form links to it
 */
@ConfigurationProperties("caseflow.workflow")
public record WorkflowProperties(
        @DefaultValue("emergency-response") String procedureKey,
        @DefaultValue("http://localhost:8081/cases/{caseId}") String caseFileUrl) {
}
