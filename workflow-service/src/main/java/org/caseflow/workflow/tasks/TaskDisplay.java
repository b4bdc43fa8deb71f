package org.caseflow.workflow.tasks;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.caseflow.workflow.procedure.ProcessVariables;

/**
 * What Tasklist's list shows of a task's case: its reference, the child's age and the risk level in
 * words, Albanian first. Copied onto the task itself, because a caseworker may read their agency's
 * tasks and these copies, but not the process instance's variables (least privilege); the list's
 * variables are read with the caseworker's own rights.
 */
final class TaskDisplay {

    static final String RISK_LEVEL_LABEL = "riskLevelLabel";

    private static final List<String> COPIED = List.of(ProcessVariables.CASE_REFERENCE, ProcessVariables.YOUNGEST_CHILD_AGE);

    private static final Map<String, String> RISK_LEVELS = Map.of(
            "HIGH", "I lartë / High",
            "MEDIUM", "I mesëm / Medium",
            "LOW", "I ulët / Low");

    private TaskDisplay() {
    }

    /** Sets the task's copies; the risk level only once the case is screened. */
    static void show(DelegateTask task) {
        for (String name : COPIED) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
        Object level = task.getVariable(ProcessVariables.RISK_LEVEL);
        if (level != null && RISK_LEVELS.containsKey(level.toString())) {
            task.setVariableLocal(RISK_LEVEL_LABEL, RISK_LEVELS.get(level.toString()));
        }
    }
}
