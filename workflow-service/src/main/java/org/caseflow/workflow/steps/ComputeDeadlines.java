package org.caseflow.workflow.steps;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Looks the deadlines of the case up in the decision table {@code deadlines} (by deadline, risk level
 * and immediate danger) and sets, for each name in the input parameter {@code deadlines}, the process
 * variables {@code <name>Period} (the ISO 8601 duration, for timers that repeat) and {@code <name>Due}
 * (the period counted from the event the table names for it, for due dates and deadline timers). The
 * periods and what they count from are data: a supervisor changes deadlines.dmn and deploys it.
 *
 * <p>A deadline counts from an event of the case ({@code CaseReported}, {@code CaseScreened},
 * {@code EmergencyMeasureTaken}...): the time the procedure published or received it, kept in the
 * variable {@link ProcessVariables#happenedAt}; for {@code CaseReported}, when case-service took the
 * report (or the reopening), and the start of the procedure for one started without that variable. A
 * deadline with nothing to count from is a period only (a review every so often): it gets no due date. The risk
 * level is the variable {@code riskLevel}, or an input parameter of that name (the suggested level,
 * before the screening has set one).
 */
@Component("computeDeadlines")
class ComputeDeadlines implements JavaDelegate {

    static final String REPORTED = "CaseReported";

    private final DeadlineTable table;
    private final HistoryService history;

    ComputeDeadlines(DeadlineTable table, HistoryService history) {
        this.table = table;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        Object riskLevel = execution.getVariable(ProcessVariables.RISK_LEVEL);
        if (riskLevel == null) {
            throw new IllegalStateException("Deadlines need the case's risk level; the case has none yet");
        }
        Object immediateDanger = execution.getVariable(ProcessVariables.IMMEDIATE_DANGER);
        for (String deadline : parameters.list("deadlines")) {
            DeadlineTable.Row row = table.row(deadline, riskLevel, immediateDanger).orElseThrow(() -> new IllegalStateException(
                    "The decision table " + DeadlineTable.DECISION + " has no period for deadline '" + deadline + "' at risk level " + riskLevel));
            execution.setVariable(deadline + "Period", row.period());
            if (row.countedFrom() != null) {
                execution.setVariable(deadline + "Due", table.due(row, happened(execution, deadline, row.countedFrom())));
            }
        }
    }

    /** When the event the deadline counts from happened in this case. */
    private Date happened(DelegateExecution execution, String deadline, String event) {
        Object at = execution.getVariable(ProcessVariables.happenedAt(event));
        if (at == null && REPORTED.equals(event)) {
            return procedureStart(execution);
        }
        if (!(at instanceof Date date)) {
            throw new IllegalStateException("The deadline '" + deadline + "' counts from " + event + ", which has not happened in "
                    + "this case yet: compute it after that step, or count it from an earlier event in " + DeadlineTable.DECISION + ".dmn");
        }
        return date;
    }

    /** When the procedure started: the report (or the reopening); now, if its history is not written yet. */
    private Date procedureStart(DelegateExecution execution) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        return instance == null || instance.getStartTime() == null ? ClockUtil.getCurrentTime() : instance.getStartTime();
    }
}
