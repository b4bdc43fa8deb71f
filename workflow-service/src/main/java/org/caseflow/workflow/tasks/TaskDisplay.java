package org.caseflow.workflow.tasks;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.caseflow.workflow.procedure.ProcessVariables;

/**
 * What Tasklist shows of a task's case in words rather than codes: the risk level, Albanian first.
 * Kept as a task variable, since Tasklist's list shows variables as they are stored.
 */
final class TaskDisplay {

    static final String RISK_LEVEL_LABEL = "riskLevelLabel";

    private static final Map<String, String> RISK_LEVELS = Map.of(
            "HIGH", "I lartë / High",
            "MEDIUM", "I mesëm / Medium",
            "LOW", "I ulët / Low");

    private TaskDisplay() {
    }

    /** Sets the task's risk label from the case's risk level; nothing before the case is screened. */
    static void label(DelegateTask task) {
        Object level = task.getVariable(ProcessVariables.RISK_LEVEL);
        if (level != null && RISK_LEVELS.containsKey(level.toString())) {
            task.setVariableLocal(RISK_LEVEL_LABEL, RISK_LEVELS.get(level.toString()));
        }
    }
}
