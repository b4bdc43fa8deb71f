package org.caseflow.workflow.steps;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The decision table {@code deadlines} (bpmn/deadlines.dmn): for a deadline, a risk level and immediate
 * danger, the period and the event it is counted from. The latest deployed version is read, so a
 * supervisor's change applies from the next look-up.
 */
@Component
public class DeadlineTable {

    static final String DECISION = "deadlines";

    private final DecisionService decisions;
    private final DatatypeFactory durations;

    DeadlineTable(DecisionService decisions) throws DatatypeConfigurationException {
        this.decisions = decisions;
        this.durations = DatatypeFactory.newInstance();
    }

    /**
     * @param period      an ISO 8601 duration, such as P3D
     * @param countedFrom the event it counts from, such as CaseScreened; null for a period that repeats
     */
    public record Row(String deadline, String period, String countedFrom) {
    }

    public Optional<Row> row(String deadline, Object riskLevel, Object immediateDanger) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("deadline", deadline);
        inputs.put("riskLevel", riskLevel == null ? null : riskLevel.toString());
        inputs.put("immediateDanger", Boolean.TRUE.equals(immediateDanger));
        Map<String, Object> row = decisions.evaluateDecisionTableByKey(DECISION).variables(inputs).evaluate().getSingleResult();
        if (row == null || row.get("period") == null) {
            return Optional.empty();
        }
        Object countedFrom = row.get("countedFrom");
        return Optional.of(new Row(deadline, row.get("period").toString(),
                countedFrom == null || countedFrom.toString().isBlank() ? null : countedFrom.toString()));
    }

    /** The period added to a time. */
    public Date due(Row row, Date from) {
        Date due = new Date(from.getTime());
        durations.newDuration(row.period()).addTo(due);
        return due;
    }
}
