package org.caseflow.workflow.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.caseflow.events.CaseChanges;
import org.caseflow.identity.IdentityProperties;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every model in bpmn/ the way a reviewer would before a supervisor's change is deployed: each
 * element drawn and named, each user task with an agency and a form, each form, decision, called
 * process and delegate it names present, each delegate with a Modeler element template.
 */
class ModelCheckTest extends WorkflowIntegrationTest {

    private static final Path MODELS = Path.of("..", "bpmn");
    private static final Pattern BEAN = Pattern.compile("^\\$\\{(\\w+)}$");

    private static List<BpmnModelInstance> processes;
    private static Set<String> processIds;
    private static Set<String> formIds;
    private static Set<String> decisionIds;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void readModels() throws IOException {
        processes = new ArrayList<>();
        processIds = new HashSet<>();
        formIds = new HashSet<>();
        decisionIds = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(MODELS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bpmn")) {
                    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                    processes.add(model);
                    model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
                } else if (name.endsWith(".form")) {
                    JsonNode form = json.readTree(file.toFile());
                    assertThat(form.path("id").asText()).as("id of " + file).isNotBlank();
                    formIds.add(form.get("id").asText());
                } else if (name.endsWith(".dmn")) {
                    Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).forEach(d -> decisionIds.add(d.getId()));
                }
            }
        }
        assertThat(processes).as("models in " + MODELS.toAbsolutePath()).isNotEmpty();
    }

    @Test
    void everyElementIsDrawnAndNamed() {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            Set<String> drawn = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!drawn.contains(node.getId())) {
                    problems.add(node.getId() + " has no diagram shape");
                }
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(node.getId() + " has no name");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!drawn.contains(flow.getId())) {
                    problems.add(flow.getId() + " has no diagram edge");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserTaskHasAnAgencyAndAFormThatExists() {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (blank(task.getCamundaCandidateGroups()) && blank(task.getCamundaCandidateUsers()) && blank(task.getCamundaAssignee())) {
                    problems.add(task.getId() + " has no candidate group");
                }
                String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                if (blank(formRef)) {
                    problems.add(task.getId() + " has no form");
                } else if (!formIds.contains(formRef)) {
                    problems.add(task.getId() + " refers to the missing form " + formRef);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDecisionAndCalledProcessExists() {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
                if (!decisionIds.contains(task.getCamundaDecisionRef())) {
                    problems.add(task.getId() + " refers to the missing decision " + task.getCamundaDecisionRef());
                }
            }
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
                if (!processIds.contains(call.getCalledElement())) {
                    problems.add(call.getId() + " calls the missing process " + call.getCalledElement());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDelegateNamesABeanThatHasAnElementTemplate() throws IOException {
        Set<String> templated = new HashSet<>();
        Path templates = MODELS.resolve("element-templates");
        if (Files.isDirectory(templates)) {
            try (Stream<Path> files = Files.list(templates)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(Files.readString(file));
                    while (m.find()) {
                        templated.add(m.group(1));
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                Matcher bean = BEAN.matcher(String.valueOf(task.getCamundaDelegateExpression()));
                if (!bean.matches()) {
                    problems.add(task.getId() + " is no delegate expression ${bean}");
                } else if (!context.containsBean(bean.group(1))) {
                    problems.add(task.getId() + " names the missing bean " + bean.group(1));
                } else if (!templated.contains(bean.group(1))) {
                    problems.add(task.getId() + " uses " + bean.group(1) + ", which has no element template");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * A supervisor who opens a system step in the Modeler sees its template's explained fields: every
     * service task names the template of its delegate, at the template's version; and the templates
     * offer the deadlines deadlines.dmn defines and the agencies the identities define, no others.
     */
    @Test
    void everySystemStepCarriesItsTemplateAndTheTemplatesOfferWhatTheProcedureDefines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        java.util.Map<String, JsonNode> templateOf = new java.util.HashMap<>();
        String all = "";
        try (Stream<Path> files = Files.list(MODELS.resolve("element-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode template = json.readTree(file.toFile());
                all += Files.readString(file);
                for (JsonNode property : template.path("properties")) {
                    if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                        templateOf.put(property.path("value").asText(), template);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                JsonNode template = templateOf.get(task.getCamundaDelegateExpression());
                String applied = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
                String version = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplateVersion");
                if (template == null || !template.path("id").asText().equals(applied)
                        || !template.path("version").asText().equals(version)) {
                    problems.add(task.getId() + " carries template " + applied + " v" + version + ", not "
                            + (template == null ? "none" : template.path("id").asText() + " v" + template.path("version").asText()));
                }
            }
        }
        assertThat(problems).isEmpty();

        Set<String> deadlines = new java.util.TreeSet<>();
        for (org.camunda.bpm.model.dmn.instance.Rule rule : Dmn.readModelFromFile(MODELS.resolve("deadlines.dmn").toFile())
                .getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)) {
            deadlines.add(rule.getInputEntries().iterator().next().getTextContent().replace("\"", ""));
        }
        Set<String> agencies = new java.util.TreeSet<>();
        IdentityProperties identities = context.getBean(IdentityProperties.class);
        identities.groups().stream().map(IdentityProperties.Group::id)
                .filter(id -> !id.equals(identities.designerGroup()) && !id.equals(identities.adminGroup())).forEach(agencies::add);
        Matcher offered = Pattern.compile("Names from deadlines.dmn separated by commas: ([^.]+)\\.").matcher(all);
        assertThat(offered.find()).isTrue();
        assertThat(new java.util.TreeSet<>(List.of(offered.group(1).split(", ")))).as("the deadlines the templates offer").isEqualTo(deadlines);
        Matcher ids = Pattern.compile("(?i)agency ids separated by commas \\(([^)]+)\\)").matcher(all);
        int lists = 0;
        while (ids.find()) {
            lists++;
            assertThat(new java.util.TreeSet<>(List.of(ids.group(1).split(", ")))).as("the agencies a template offers").isEqualTo(agencies);
        }
        assertThat(lists).as("templates that list agencies").isEqualTo(2);
    }

    /**
     * What changes a case goes out as its typed event: no model names a case change as a step, and the
     * template "Record a case change" offers each change with exactly the fields of its schema.
     */
    @Test
    void caseChangesAreRecordedTypedAndTheirTemplateOffersEachChangesFields() throws IOException {
        List<String> named = new ArrayList<>();
        for (BpmnModelInstance model : processes) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                if ("${publishCaseEvent}".equals(task.getCamundaDelegateExpression()) && task.getExtensionElements() != null) {
                    task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                            .flatMap(io -> io.getCamundaInputParameters().stream())
                            .filter(p -> p.getCamundaName().equals("eventName") && CaseChanges.type(p.getTextContent()).isPresent())
                            .forEach(p -> named.add(task.getId() + " publishes " + p.getTextContent() + " as a step"));
                }
            }
        }
        assertThat(named).as("case changes published as named steps").isEmpty();

        JsonNode template = new ObjectMapper().readTree(MODELS.resolve("element-templates/record-case-change.json").toFile());
        java.util.Map<String, List<String>> offered = new java.util.TreeMap<>();
        List<String> choices = new ArrayList<>();
        for (JsonNode property : template.path("properties")) {
            if (property.path("id").asText().equals("change")) {
                property.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
            } else if (property.has("condition")) {
                offered.computeIfAbsent(property.path("condition").path("equals").asText(), c -> new ArrayList<>())
                        .add(property.path("binding").path("name").asText());
            }
        }
        java.util.Map<String, List<String>> fields = new java.util.TreeMap<>();
        for (Class<? extends org.apache.avro.specific.SpecificRecord> type : CaseChanges.TYPES) {
            fields.put(type.getSimpleName(), CaseChanges.fields(type).stream().map(org.apache.avro.Schema.Field::name).toList());
        }
        assertThat(choices).as("the changes offered").containsExactlyInAnyOrderElementsOf(fields.keySet());
        assertThat(offered).as("the fields offered for each change").isEqualTo(fields);
    }

    /**
     * The reviews name the open referrals' services with the words of the form that asks an agency to
     * accept them, and for every service case-service lets the CPU refer to, no other.
     */
    @Test
    void theOpenReferralsUseTheServicesAndWordsOfTheReferralForm() throws IOException {
        java.util.Map<String, String> inForm = new java.util.TreeMap<>();
        Matcher chain = Pattern.compile("service = \\\\?\"([A-Z_]+)\\\\?\" then \\\\?\"([^\"\\\\]+)\\\\?\"")
                .matcher(Files.readString(MODELS.resolve("forms/accept-referral.form")));
        while (chain.find()) {
            inForm.put(chain.group(1), chain.group(2));
        }
        java.util.Properties labels = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/referral-services.properties"))) {
            labels.load(in);
        }
        java.util.Map<String, String> listed = new java.util.TreeMap<>();
        labels.forEach((key, value) -> listed.put((String) key, (String) value));
        assertThat(inForm).hasSize(6);
        assertThat(listed).isEqualTo(inForm);

        Matcher allowed = Pattern.compile("ReferralRequested:\\s+senders: \\[[^]]*]\\s+outcomes: \\[([^]]+)]")
                .matcher(Files.readString(Path.of("..", "case-service", "src", "main", "resources", "application.yml")));
        assertThat(allowed.find()).isTrue();
        assertThat(new java.util.TreeSet<>(List.of(allowed.group(1).split(",\\s*")))).isEqualTo(listed.keySet());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
