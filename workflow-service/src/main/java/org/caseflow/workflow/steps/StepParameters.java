package org.caseflow.workflow.steps;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;

/** The input parameters a service task declares in the model, with their evaluated values. */
final class StepParameters {

    private final String activity;
    private final Map<String, Object> values;

    private StepParameters(String activity, Map<String, Object> values) {
        this.activity = activity;
        this.values = values;
    }

    static StepParameters of(DelegateExecution execution) {
        Map<String, Object> values = new LinkedHashMap<>();
        BaseElement element = execution.getBpmnModelElementInstance();
        if (element != null) {
            ExtensionElements extensions = element.getExtensionElements();
            if (extensions != null) {
                for (CamundaInputOutput io : extensions.getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
                    for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
                        values.put(parameter.getCamundaName(), execution.getVariableLocal(parameter.getCamundaName()));
                    }
                }
            }
        }
        return new StepParameters(execution.getCurrentActivityId(), values);
    }

    String required(String name) {
        Object value = values.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("The step " + activity + " needs the input parameter '" + name + "'");
        }
        return value.toString();
    }

    String optional(String name) {
        Object value = values.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    boolean flag(String name) {
        Object value = values.get(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    Date date(String name) {
        Object value = values.get(name);
        return value instanceof Date date ? date : null;
    }

    /** A list given as a collection or as comma-separated text; empty when absent. */
    List<String> list(String name) {
        return Lists.split(values.get(name));
    }

    /** Every parameter with its value (null where the expression gave none). */
    Map<String, Object> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The parameters other than the named ones, as text: ids and decisions to pass on. */
    Map<String, String> others(String... known) {
        Map<String, String> rest = new LinkedHashMap<>();
        List<String> skip = List.of(known);
        values.forEach((key, value) -> {
            if (!skip.contains(key) && value != null && !(value instanceof Collection<?>)) {
                rest.put(key, value.toString());
            }
        });
        return rest;
    }
}
