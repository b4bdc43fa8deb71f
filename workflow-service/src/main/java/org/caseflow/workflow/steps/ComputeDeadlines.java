package org.caseflow.workflow.steps;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

import org.camunda.bpm.engine.DecisionService;
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
 * (the period counted from the report, that is from the start of the procedure, for due dates and
 * deadline timers). The periods are data: a supervisor changes deadlines.dmn and deploys it.
 */
@Component("computeDeadlines")
class ComputeDeadlines implements JavaDelegate {

    static final String DECISION = "deadlines";

    private final DecisionService decisions;
    private final HistoryService history;
    private final DatatypeFactory durations;

    ComputeDeadlines(DecisionService decisions, HistoryService history) throws DatatypeConfigurationException {
        this.decisions = decisions;
        this.history = history;
        this.durations = DatatypeFactory.newInstance();
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        Object riskLevel = execution.getVariable(ProcessVariables.RISK_LEVEL);
        if (riskLevel == null) {
            throw new IllegalStateException("Deadlines need the case's risk level; the case has none yet");
        }
        Object immediateDanger = execution.getVariable(ProcessVariables.IMMEDIATE_DANGER);
        Date from = reportedAt(execution);
        for (String deadline : parameters.list("deadlines")) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("deadline", deadline);
            inputs.put("riskLevel", riskLevel.toString());
            inputs.put("immediateDanger", Boolean.TRUE.equals(immediateDanger));
            Object period = decisions.evaluateDecisionTableByKey(DECISION).variables(inputs).evaluate().getSingleEntry();
            if (period == null) {
                throw new IllegalStateException("The decision table " + DECISION + " has no period for deadline '" + deadline
                        + "' at risk level " + riskLevel);
            }
            Duration duration = durations.newDuration(period.toString());
            Date due = new Date(from.getTime());
            duration.addTo(due);
            execution.setVariable(deadline + "Period", period.toString());
            execution.setVariable(deadline + "Due", due);
        }
    }

    /** When the procedure started: the report (or the reopening); now, if its history is not written yet. */
    private Date reportedAt(DelegateExecution execution) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        return instance == null || instance.getStartTime() == null ? ClockUtil.getCurrentTime() : instance.getStartTime();
    }
}
