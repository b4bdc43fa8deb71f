package org.caseflow.workflow;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of workflow-service, under {@code caseflow.workflow}.
 *
 * @param procedureKey the BPMN process started for every reported case
 * @param caseFileUrl  the case file page in case-service, {caseId} filled in: every form links to it
 * @param expressionBeans the beans a model's expressions and delegates may name: the project's own steps
 *                     (element templates) and helpers; a deployment naming any other is refused
 * @param zone         the time zone dates are shown in to caseworkers, such as a due date in a form
 * @param node         this node among several on one database (docs/scaling.md)
 */
@ConfigurationProperties("caseflow.workflow")
public record WorkflowProperties(
        @DefaultValue("emergency-response") String procedureKey,
        @DefaultValue("http://localhost:8081/cases/{caseId}") String caseFileUrl,
        @DefaultValue({"publishCaseEvent", "recordCaseChange", "publishDeadlineMissed", "notifyAgencies", "computeDeadlines", "lists", "earlyMessages",
                "referrals"})
        List<String> expressionBeans,
        @DefaultValue("Europe/Tirane") String zone,
        @DefaultValue Node node) {

    public WorkflowProperties {
        expressionBeans = List.copyOf(expressionBeans);
    }

    /**
     * One node of workflow-service when several share the database.
     *
     * @param name           the node's name in the engine's job log and metrics (such as the pod's name);
     *                       empty: the engine's own, the host's address and the engine's name
     * @param historyCleanup whether this node's job executor runs the engine's history clean-up: true on
     *                       one node, false on every other, so the nightly deletions never run twice at once
     */
    public record Node(@DefaultValue("") String name, @DefaultValue("true") boolean historyCleanup) {
    }
}
