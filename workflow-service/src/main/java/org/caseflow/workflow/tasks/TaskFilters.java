package org.caseflow.workflow.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The task filters every caseworker finds in Tasklist: their agency's tasks, the overdue ones, those due
 * today and those of high-risk cases; each list shows the case's reference, the child's age and the risk
 * level beside the task, soonest deadline first. Which tasks a caseworker sees at all is the engine's
 * authorization (their agency's); these only sort and narrow. Written at every start, so a changed
 * filter reaches every installation.
 */
@Component
public class TaskFilters {

    /** The filters, in the order Tasklist shows them. */
    public static final List<String> NAMES = List.of(
            "Detyrat e agjencisë / My agency's tasks",
            "Me afat të kaluar / Overdue",
            "Me afat sot / Due today",
            "Rrezik i lartë / High risk");

    /** Every open task, for supervisors only: the agencies are not granted it (and would see only their own tasks in it). */
    public static final String ALL_TASKS = "Të gjitha detyrat / All tasks";

    /** What the list shows of each task's case, beside the task's name and due date. */
    static final List<Map<String, String>> SHOWN = List.of(
            Map.of("name", ProcessVariables.CASE_REFERENCE, "label", "Rasti / Case"),
            Map.of("name", ProcessVariables.YOUNGEST_CHILD_AGE, "label", "Mosha e fëmijës / Child's age"),
            Map.of("name", TaskDisplay.RISK_LEVEL_LABEL, "label", "Rreziku / Risk"));

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    /** The one filter of earlier versions, replaced by {@link #NAMES}. */
    public static final String REPLACED = "My agency's tasks";

    /**
     * Creates or updates the filters (and removes the one they replace).
     *
     * @return the ids of the agencies' filters, for their read grants; not the supervisors' {@link #ALL_TASKS}
     */
    public List<String> seed() {
        filters.createFilterQuery().filterName(REPLACED).list().forEach(old -> filters.deleteFilter(old.getId()));
        Map<String, UnaryOperator<TaskQuery>> narrowed = new LinkedHashMap<>();
        narrowed.put(NAMES.get(0), query -> query);
        narrowed.put(NAMES.get(1), query -> query.dueBeforeExpression("${now()}"));
        narrowed.put(NAMES.get(2), query -> query
                .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
                .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}"));
        narrowed.put(NAMES.get(3), query -> query.processVariableValueEquals(ProcessVariables.RISK_LEVEL, "HIGH"));
        int priority = -10;
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<TaskQuery>> entry : narrowed.entrySet()) {
            ids.add(save(entry.getKey(), entry.getValue().apply(agencyTasks()), priority++));
        }
        save(ALL_TASKS, tasks.createTaskQuery().orderByDueDate().asc(), priority);
        return ids;
    }

    /** The tasks of the user's groups, claimed by them or not, the soonest deadline first. */
    private TaskQuery agencyTasks() {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private String save(String name, TaskQuery query, int priority) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", name);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", SHOWN);
        filter.setProperties(properties);
        return filters.saveFilter(filter).getId();
    }
}
