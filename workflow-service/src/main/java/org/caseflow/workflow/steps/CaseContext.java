package org.caseflow.workflow.steps;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.caseflow.workflow.procedure.ProcessVariables;

/** The case an execution belongs to: its business key, correlation id and current risk level. */
record CaseContext(String caseId, String correlationId, String riskLevel) {

    static CaseContext of(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        if (caseId == null) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no case id as business key");
        }
        return new CaseContext(caseId, text(execution, ProcessVariables.CORRELATION_ID, caseId), text(execution, ProcessVariables.RISK_LEVEL, null));
    }

    private static String text(VariableScope scope, String name, String otherwise) {
        Object value = scope.getVariable(name);
        return value == null ? otherwise : value.toString();
    }
}
