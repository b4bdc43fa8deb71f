package org.caseflow.workflow.steps;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.caseflow.events.CaseChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A model's "Record a case change" steps are checked when it is deployed, not when a case reaches
 * them: the change must be one of the typed events, every field without a default must be given, and
 * no input may name a field the event does not have (a misspelt field would be dropped). A deployment
 * that fails is refused with the step and the reason, and nothing of it is deployed.
 */
@Component
class CaseChangeSteps extends AbstractProcessEnginePlugin implements Deployer {

    private static final Logger log = LoggerFactory.getLogger(CaseChangeSteps.class);
    private static final String DELEGATE = "${recordCaseChange}";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this);
        configuration.setCustomPreDeployers(deployers);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml")) {
                List<String> problems = problems(resource.getName(), resource.getBytes());
                if (!problems.isEmpty()) {
                    log.warn("Deployment '{}' refused: {}", deployment.getName(), problems);
                    throw new BadUserRequestException("Deployment refused: " + String.join("; ", problems));
                }
            }
        }
    }

    /** What is wrong with the model's case change steps; empty when nothing. */
    static List<String> problems(String resourceName, byte[] xml) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            return List.of();  // the engine's own parser says why
        }
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            if (DELEGATE.equals(task.getCamundaDelegateExpression())) {
                problems.addAll(problems(resourceName + ", step '" + task.getId() + "'", inputs(task)));
            }
        }
        return problems;
    }

    private static List<String> problems(String where, Map<String, String> inputs) {
        String name = inputs.get(RecordCaseChange.CHANGE);
        var type = CaseChanges.type(name);
        if (type.isEmpty()) {
            return List.of(where + ": the change '" + name + "' is not one of "
                    + CaseChanges.TYPES.stream().map(Class::getSimpleName).toList());
        }
        Class<? extends SpecificRecord> change = type.get();
        List<String> fields = CaseChanges.fields(change).stream().map(Schema.Field::name).toList();
        List<String> problems = new ArrayList<>();
        for (String required : CaseChanges.requiredFields(change)) {
            String value = inputs.get(required);
            if ((value == null || value.isBlank()) && !CaseChanges.RISK_LEVEL.equals(required)) {
                problems.add(where + ": " + name + " needs the input '" + required + "'");
            }
        }
        inputs.keySet().stream().filter(input -> !input.equals(RecordCaseChange.CHANGE) && !fields.contains(input))
                .forEach(input -> problems.add(where + ": '" + input + "' is not a field of " + name + " " + fields));
        return problems;
    }

    private static Map<String, String> inputs(ServiceTask task) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (task.getExtensionElements() != null) {
            for (CamundaInputOutput io : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list()) {
                for (CamundaInputParameter parameter : io.getCamundaInputParameters()) {
                    inputs.put(parameter.getCamundaName(), parameter.getTextContent());
                }
            }
        }
        return inputs;
    }
}
