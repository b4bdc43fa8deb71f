package org.caseflow.workflow.versions;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.caseflow.workflow.steps.DeadlineTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the running cases of one version of a procedure to another with Camunda's migration API:
 * steps are mapped by their ids (a new version that keeps the ids of the steps it keeps migrates
 * cleanly), and timers are computed again from the new version. A case waiting at a step the new
 * version no longer has stays where it is, and is named in the answer with that step: once the step
 * is done, the case can be migrated with the next run. Nothing is half moved: the cases that can move
 * move together, in one transaction.
 *
 * <p>A new version may watch deadlines the earlier one did not (a timer on {@code ${screeningDue}}), or
 * count them from events the earlier one did not record the time of ({@code caseScreenedAt}). Before a
 * case moves, what its new timers need is computed as the new version would, from deadlines.dmn: an
 * event's time is taken from the case's history (when the step that published it ended), and where the
 * history has none, from the start of the case's procedure, the earliest it can be, so that a migrated
 * deadline is never later than it should be.
 */
@Service
public class ProcedureMigration {

    private static final Logger log = LoggerFactory.getLogger(ProcedureMigration.class);

    private static final Pattern TIMER_VARIABLE = Pattern.compile("\\$\\{\\s*(\\w+?)(Due|Period)\\s*}");

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;
    private final DeadlineTable deadlines;

    ProcedureMigration(RuntimeService runtime, RepositoryService repository, HistoryService history, DeadlineTable deadlines) {
        this.runtime = runtime;
        this.repository = repository;
        this.history = history;
        this.deadlines = deadlines;
    }

    /**
     * @param migrated   how many cases moved
     * @param heldBack   the cases that did not, by case id, with the steps they wait at that the new version lacks
     */
    public record Result(int migrated, Map<String, List<String>> heldBack) {
    }

    @Transactional
    public Result migrate(ProcessDefinition from, ProcessDefinition to) {
        MigrationPlan plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().updateEventTriggers().build();
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
        Set<String> needed = deadlinesOf(repository.getBpmnModelInstance(to.getId()));
        BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
        List<String> movable = new ArrayList<>();
        Map<String, List<String>> heldBack = new TreeMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).list()) {
            List<String> unmapped = runtime.getActiveActivityIds(instance.getId()).stream().filter(step -> !mapped.contains(step))
                    .distinct().sorted().toList();
            if (unmapped.isEmpty()) {
                addTheTimesTheNewVersionNeeds(instance, source, needed);
                movable.add(instance.getId());
            } else {
                heldBack.put(instance.getBusinessKey(), unmapped);
            }
        }
        if (!movable.isEmpty()) {
            runtime.newMigration(plan).processInstanceIds(movable).execute();
        }
        log.info("Migrated {} running cases of {} v{} to v{}; {} held back at steps the new version lacks: {}", movable.size(),
                from.getKey(), from.getVersion(), to.getVersion(), heldBack.size(), heldBack);
        return new Result(movable.size(), heldBack);
    }

    /** The deadlines a model's timers read ({@code ${<name>Due}}, {@code ${<name>Period}}) and its steps compute. */
    private static Set<String> deadlinesOf(BpmnModelInstance model) {
        Set<String> names = new TreeSet<>();
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            for (var expression : Stream.of(timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle())
                    .filter(Objects::nonNull).map(ModelElementInstance::getTextContent).toList()) {
                Matcher matcher = TIMER_VARIABLE.matcher(expression);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        for (CamundaInputParameter parameter : model.getModelElementsByType(CamundaInputParameter.class)) {
            if ("deadlines".equals(parameter.getCamundaName()) && parameter.getTextContent() != null) {
                for (String name : parameter.getTextContent().split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return names;
    }

    /** Sets, where the case lacks them, the event times and deadlines the new version's timers and steps read. */
    private void addTheTimesTheNewVersionNeeds(ProcessInstance instance, BpmnModelInstance source, Set<String> needed) {
        Map<String, Object> variables = runtime.getVariables(instance.getId());
        Object riskLevel = variables.getOrDefault(ProcessVariables.RISK_LEVEL, variables.get("suggestedRiskLevel"));
        for (String name : needed) {
            DeadlineTable.Row row = deadlines.row(name, riskLevel, variables.get(ProcessVariables.IMMEDIATE_DANGER)).orElse(null);
            if (row == null) {
                continue;
            }
            if (!variables.containsKey(name + "Period")) {
                set(instance, variables, name + "Period", row.period());
            }
            if (row.countedFrom() == null) {
                continue;
            }
            String happenedAt = ProcessVariables.happenedAt(row.countedFrom());
            if (!(variables.get(happenedAt) instanceof Date)) {
                set(instance, variables, happenedAt, happened(instance, source, row.countedFrom()));
            }
            if (!variables.containsKey(name + "Due")) {
                set(instance, variables, name + "Due", deadlines.due(row, (Date) variables.get(happenedAt)));
            }
        }
    }

    private void set(ProcessInstance instance, Map<String, Object> variables, String name, Object value) {
        runtime.setVariable(instance.getId(), name, value);
        variables.put(name, value);
    }

    /** When the step of the earlier version that published the event ended; else when the procedure started. */
    private Date happened(ProcessInstance instance, BpmnModelInstance source, String event) {
        List<String> publishers = source.getModelElementsByType(ServiceTask.class).stream()
                .filter(step -> step.getExtensionElements() != null && step.getExtensionElements().getElementsQuery()
                        .filterByType(CamundaInputOutput.class).list().stream().flatMap(io -> io.getCamundaInputParameters().stream())
                        .anyMatch(parameter -> "eventName".equals(parameter.getCamundaName()) && event.equals(parameter.getTextContent())))
                .map(ServiceTask::getId).toList();
        Date last = null;
        for (String step : publishers) {
            for (HistoricActivityInstance done : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId(step).finished().list()) {
                if (last == null || done.getEndTime().after(last)) {
                    last = done.getEndTime();
                }
            }
        }
        return last != null ? last : history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getStartTime();
    }
}
