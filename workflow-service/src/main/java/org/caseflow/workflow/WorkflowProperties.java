package org.caseflow.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of workflow-service, under {@code caseflow.workflow}.
 *
 * @param procedureKey the BPMN process started for every reported case
 */
@ConfigurationProperties("caseflow.workflow")
public record WorkflowProperties(@DefaultValue("emergency-response") String procedureKey) {
}
