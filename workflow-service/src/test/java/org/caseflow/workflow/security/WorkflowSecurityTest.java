package org.caseflow.workflow.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.caseflow.workflow.tasks.TaskFilters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and do what in workflow-service, over HTTP as the Modeler, Tasklist and agencies call it. */
class WorkflowSecurityTest extends WorkflowIntegrationTest {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void theModelersDeployRequestWorksForAProcedureDesignerOnly() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "caseflow-from-modeler");
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        for (String file : List.of("emergency-response.bpmn", "deadlines.dmn", "risk-level.dmn", "reporter-agency.dmn",
                "forms/screen-report.form")) {
            form.add(Path.of(file).getFileName().toString(), new FileSystemResource(Path.of("..", "bpmn", file)));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<Map> anonymous = http.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
        ResponseEntity<Map> caseworker = http.withBasicAuth("cpu.worker", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
        ResponseEntity<Map> supervisor = http.withBasicAuth("supervisor", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
        ResponseEntity<Map> designer = http.withBasicAuth("designer", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(supervisor.getStatusCode()).as("case supervision is not procedure design").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(designer.getStatusCode()).as(String.valueOf(designer.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(designer.getBody().get("name")).isEqualTo("caseflow-from-modeler");
        // (A wrong password for a real user would lock it for seconds: Camunda's brute-force protection.)
        assertThat(http.withBasicAuth("nobody", "demo").getForEntity("/engine-rest/deployment", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCaseworkerSeesClaimsAndCompletesOnlyTheirAgencysTasks() {
        String caseId = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey("emergency-response", caseId, facts(caseId));
        String tasksOfCase = "/engine-rest/task?processInstanceBusinessKey=" + caseId;
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();

        ResponseEntity<String> seen = http.withBasicAuth("police.worker", "demo").getForEntity(tasksOfCase, String.class);
        assertThat(seen.getStatusCode()).as(seen.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("police.worker", "demo").getForObject(tasksOfCase, List.class)).isEmpty();
        assertThat(post("police.worker", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"police.worker\"}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("police.worker", "/engine-rest/task/" + taskId + "/complete", "{}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("police.worker", "demo").getForEntity("/engine-rest/task/" + taskId, String.class)
                .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        assertThat(http.withBasicAuth("cpu.worker", "demo").getForObject(tasksOfCase, List.class))
                .as(String.valueOf(jdbc.sql("select group_id_, resource_type_, resource_id_, perms_ from act_ru_authorization where resource_id_ = ?")
                        .param(taskId).query().listOfRows())).hasSize(1);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"cpu.worker\"}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"isProtectionCase": {"value": false}, "riskLevel": {"value": "LOW"},
                               "screeningReason": {"value": "no risk"}}}""")).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth("supervisor", "demo").getForObject("/engine-rest/history/task?taskId=" + taskId, List.class))
                .hasSize(1);
    }

    @Test
    void aCaseworkerWorksTheirAgencysTaskButMayNotChangeItsVariablesCandidatesOrAssignee() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance instance = runtime.startProcessInstanceByKey("emergency-response", caseId, facts(caseId));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"cpu.worker\"}"))
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/variables",
                "{\"modifications\": {\"followUpPeriod\": {\"value\": \"P99Y\"}}}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/localVariables",
                "{\"modifications\": {\"caseReference\": {\"value\": \"forged\"}}}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/identity-links",
                "{\"groupId\": \"police\", \"type\": \"candidate\"}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/assignee", "{\"userId\": \"police.worker\"}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/delegate", "{\"userId\": \"police.worker\"}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("cpu.worker", HttpMethod.PUT, "/engine-rest/task/" + taskId,
                "{\"name\": \"renamed\", \"due\": \"2099-01-01T00:00:00.000+0000\"}")).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(runtime.getVariable(instance.getId(), "followUpPeriod")).isNotEqualTo("P99Y");
        assertThat(tasks.getIdentityLinksForTask(taskId)).noneMatch(link -> "police".equals(link.getGroupId()));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("cpu.worker");
        assertThat(http.withBasicAuth("police.worker", "demo").getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseId,
                List.class)).isEmpty();
        assertThat(post("cpu.worker", "/engine-rest/task/" + taskId + "/unclaim", "{}")).as("giving a task back is working on it")
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aCompletionCarriesOnlyWhatTheTasksFormAsksForCheckedOnTheServer() {
        String caseId = UUID.randomUUID().toString();
        ProcessInstance instance = runtime.startProcessInstanceByKey("emergency-response", caseId, facts(caseId));
        String screen = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        String valid = "\"isProtectionCase\": {\"value\": true}, \"riskLevel\": {\"value\": \"HIGH\"}, \"policeEscortNeeded\": {\"value\": false}, \"traffickingIndicators\": {\"value\": false},"
                + " \"riskOverrideReason\": {\"value\": \"the child is alone\"}, \"screeningReason\": {\"value\": \"begging\"}";

        assertRefused(screen, "/complete", "{" + valid + ", \"followUpPeriod\": {\"value\": \"P99Y\"}}", "followUpPeriod");
        assertRefused(screen, "/submit-form", "{" + valid + ", \"followUpPeriod\": {\"value\": \"P99Y\"}}", "followUpPeriod");
        assertRefused(screen, "/complete", "{" + valid.replace("\"HIGH\"", "\"EXTREME\"") + "}", "riskLevel");
        assertRefused(screen, "/complete", "{" + valid.replace("{\"value\": true}", "{\"value\": \"yes\"}") + "}", "isProtectionCase");
        assertRefused(screen, "/complete", "{" + valid.replace("\"begging\"", "\"" + "x".repeat(501) + "\"") + "}", "screeningReason");
        assertRefused(screen, "/complete", "{" + valid.replace(", \"riskOverrideReason\": {\"value\": \"the child is alone\"}", "") + "}",
                "riskOverrideReason");
        assertThat(tasks.createTaskQuery().taskId(screen).count()).as("the task is still open").isOne();
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("followUpPeriod", "riskLevel", "screeningReason");

        ResponseEntity<String> completed = http.withBasicAuth("cpu.worker", "demo").exchange("/engine-rest/task/" + screen + "/complete",
                HttpMethod.POST, json("{\"variables\": {" + valid + "}}"), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        String firstContact = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("MakeFirstContact")
                .singleResult().getId();
        tasks.complete(firstContact, Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("TakeEmergencyMeasure")
                .singleResult().getId(), Map.of("emergencyMeasure", "IMMEDIATE_PROTECTION"));
        String visit = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("VisitHomeAndAnalyseRisk")
                .singleResult().getId();
        String visitor = tasks.getIdentityLinksForTask(visit).stream().map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow() + ".worker";
        ResponseEntity<Map> unknownAgency = http.withBasicAuth(visitor, "demo").exchange("/engine-rest/task/" + visit + "/complete",
                HttpMethod.POST, json("{\"variables\": {\"homeVisitDone\": {\"value\": true}, \"homeVisitOn\": {\"value\": \"2026-12-01\"},"
                        + " \"riskLevel\": {\"value\": \"HIGH\"}, \"traffickingIndicatorsAtVisit\": {\"value\": false},"
                        + " \"technicalGroupAgencies\": {\"value\": \"health,nobody\"}}}"), Map.class);
        assertThat(unknownAgency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknownAgency.getBody().get("message")).contains("technicalGroupAgencies");
        assertThat(tasks.createTaskQuery().taskId(visit).count()).isOne();
    }

    private void assertRefused(String taskId, String action, String variables, String field) {
        ResponseEntity<Map> refused = http.withBasicAuth("cpu.worker", "demo").exchange("/engine-rest/task/" + taskId + action,
                HttpMethod.POST, json("{\"variables\": " + variables + "}"), Map.class);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).as("the answer names the field").contains(field + ":");
    }

    @Test
    void supervisionDesignAndAdministrationAreSeparateRoles() {
        String caseId = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey("emergency-response", caseId, facts(caseId));
        String tasksOfCase = "/engine-rest/task?processInstanceBusinessKey=" + caseId;
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();

        assertThat(http.withBasicAuth("supervisor", "demo").getForObject(tasksOfCase, List.class)).as("a supervisor sees every case").hasSize(1);
        assertThat(post("supervisor", "/engine-rest/task/" + taskId + "/variables",
                "{\"modifications\": {\"followUpPeriod\": {\"value\": \"P99Y\"}}}")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("supervisor", "/engine-rest/user/create",
                "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}")).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(http.withBasicAuth("designer", "demo").getForObject(tasksOfCase, List.class)).as("a designer sees no case").isEmpty();
        assertThat(http.withBasicAuth("designer", "demo").getForObject("/engine-rest/process-instance?businessKey=" + caseId, List.class))
                .isEmpty();
        assertThat(http.withBasicAuth("designer", "demo").getForObject("/engine-rest/process-definition?key=emergency-response", List.class))
                .isNotEmpty();

        assertThat(http.withBasicAuth("admin", "demo").getForObject("/engine-rest/group?id=cpu", List.class)).hasSize(1);
        assertThat(http.withBasicAuth("supervisor", "demo").getForObject("/engine-rest/group?id=cpu", List.class)).isEmpty();
        assertThat(http.withBasicAuth("cpu.worker", "demo").getForEntity("/engine-rest/deployment", List.class).getBody()).isEmpty();
    }

    @Test
    void configurationIsTheOneSourceOfUsersMembershipsAndGrants(@Autowired org.camunda.bpm.engine.IdentityService identityService,
                                                                @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService,
                                                                @Autowired IdentitySeeder seeder) {
        identityService.saveUser(identityService.newUser("made.in.admin"));
        identityService.createMembership("cpu.worker", "police");
        org.camunda.bpm.engine.authorization.Authorization byHand = authorizationService.createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        byHand.setGroupId("cpu");
        byHand.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
        byHand.setResourceId("*");
        byHand.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
        authorizationService.saveAuthorization(byHand);

        seeder.seed();

        assertThat(identityService.createUserQuery().userId("made.in.admin").count()).isZero();
        assertThat(identityService.createUserQuery().userId("cpu.worker").memberOfGroup("police").count()).isZero();
        assertThat(identityService.createUserQuery().userId("cpu.worker").memberOfGroup("cpu").count()).isOne();
        assertThat(authorizationService.createAuthorizationQuery().authorizationId(byHand.getId()).count()).isZero();
        assertThat(identityService.createUserQuery().memberOfGroup(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN).list())
                .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("admin");
    }

    @Test
    void wrongPasswordsSlowTheirAddressDownButLockNobodyOut() throws Exception {
        // krat.worker: no other test of this service signs in as them, whom the throttle now holds at 127.0.0.1.
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(http.withBasicAuth("krat.worker", "guess-" + attempt).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        ResponseEntity<String> eleventh = http.withBasicAuth("krat.worker", "guess-11").getForEntity("/engine-rest/task", String.class);
        assertThat(eleventh.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(eleventh.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(http.withBasicAuth("krat.worker", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .as("the right password too, from the guessing address").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        assertThat(statusFrom("127.0.0.2", "/engine-rest/task", "krat.worker", "demo"))
                .as("from another address the caseworker signs in: Camunda locked nobody").isEqualTo(200);
        assertThat(identityService().createUserQuery().userId("krat.worker").singleResult()).isNotNull();
    }

    @Test
    void theWebappsSetupOfAFirstAdministratorIsClosed() {
        ResponseEntity<String> setup = http.postForEntity("/camunda/api/admin/setup/default/user/create",
                json("{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}"), String.class);

        assertThat(setup.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        assertThat(setup.getBody()).as("refused before the webapp's own check, which would answer while no administrator exists")
                .contains("about:blank");
        assertThat(identityService().createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void everyPathHasABodyLimitAndNoForgedCrossSiteFormReachesTheEngine() {
        String caseId = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey("emergency-response", caseId, facts(caseId));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();

        ResponseEntity<String> huge = http.withBasicAuth("cpu.worker", "demo").exchange("/engine-rest/task/" + taskId + "/complete",
                HttpMethod.POST, json("{\"variables\": {\"screeningReason\": {\"value\": \"" + "x".repeat(300 * 1024) + "\"}}}"), String.class);
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

        HttpHeaders forged = new HttpHeaders();
        forged.setContentType(MediaType.TEXT_PLAIN);
        forged.set("Sec-Fetch-Site", "cross-site");
        forged.set(HttpHeaders.ORIGIN, "https://evil.example");
        ResponseEntity<String> crossSite = http.withBasicAuth("cpu.worker", "demo").exchange("/engine-rest/task/" + taskId + "/claim",
                HttpMethod.POST, new HttpEntity<>("{\"userId\": \"cpu.worker\"}", forged), String.class);
        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void aDeploymentWhoseExpressionsNameAnythingButTheProjectsStepsIsRefusedWithTheReason() {
        assertThat(deployRefusal("<bpmn:serviceTask id=\"Sql\" camunda:expression=\"${jdbcTemplate.execute('drop table case_task')}\"/>"))
                .contains("Sql").contains("jdbcTemplate.execute");
        assertThat(deployRefusal("<bpmn:serviceTask id=\"Bean\" camunda:delegateExpression=\"${dataSource}\"/>"))
                .contains("names dataSource");
        assertThat(deployRefusal("<bpmn:serviceTask id=\"Java\" camunda:class=\"java.lang.ProcessBuilder\"/>"))
                .contains("camunda:class");
        assertThat(deployRefusal("<bpmn:scriptTask id=\"Script\" scriptFormat=\"javascript\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"))
                .contains("scripts");
        assertThat(deployRefusal("<bpmn:serviceTask id=\"Escape\" camunda:expression=\"${execution.getProcessEngineServices()}\"/>"))
                .contains("execution.getProcessEngineServices");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("refused-model").count()).as("nothing deployed").isZero();

        ResponseEntity<Map> allowed = deploy("<bpmn:startEvent id=\"Start\"/><bpmn:endEvent id=\"End\"/>"
                + "<bpmn:serviceTask id=\"Publish\" camunda:delegateExpression=\"${publishCaseEvent}\"/>"
                + "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Publish\"/>"
                + "<bpmn:sequenceFlow id=\"F2\" sourceRef=\"Publish\" targetRef=\"End\">"
                + "<bpmn:conditionExpression>${execution.getVariable('riskLevel') == 'HIGH' and lists.of(agencies) != null}"
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>");
        assertThat(allowed.getStatusCode()).as(String.valueOf(allowed.getBody())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void expressionsReachOnlyTheListedBeansWhenTheyRun() {
        Object listed = engineConfiguration.getCommandExecutorTxRequired().execute(context -> engineConfiguration.getExpressionManager()
                .createExpression("${lists}").getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance()));
        assertThat(listed).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                        engineConfiguration.getExpressionManager().createExpression("${dataSource}")
                                .getValue(org.camunda.bpm.engine.impl.el.StartProcessVariableScope.getSharedInstance())))
                .as("a bean that is not listed is no more than an unknown variable").isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
    }

    /** The shipped models pass the same check when the service starts; these would stop a case where they stand. */
    @Test
    void aCaseChangeStepIsCheckedAgainstItsEventWhenDeployed() {
        assertThat(deployRefusal(caseChange("CaseFinished", input("reason", "OTHER"))))
                .contains("step 'Change'").contains("'CaseFinished' is not one of").contains("CaseClosed");
        assertThat(deployRefusal(caseChange("CaseClosed", ""))).contains("CaseClosed needs the input 'reason'");
        assertThat(deployRefusal(caseChange("CaseClosed", input("reason", "${closureReason}") + input("reasons", "OTHER"))))
                .contains("'reasons' is not a field of CaseClosed");
        assertThat(deployRefusal(caseChange("PlacementStarted", input("startedOn", "${placementStartedOn}"))))
                .contains("PlacementStarted needs the input 'measure'");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("refused-model").count()).as("nothing deployed").isZero();
    }

    private static String caseChange(String change, String inputs) {
        return "<bpmn:serviceTask id=\"Change\" camunda:delegateExpression=\"${recordCaseChange}\"><bpmn:extensionElements>"
                + "<camunda:inputOutput>" + input("change", change) + inputs + "</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>";
    }

    private static String input(String name, String value) {
        return "<camunda:inputParameter name=\"" + name + "\">" + value + "</camunda:inputParameter>";
    }

    private String deployRefusal(String elements) {
        ResponseEntity<Map> refused = deploy(elements);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        return (String) refused.getBody().get("message");
    }

    private ResponseEntity<Map> deploy(String elements) {
        String model = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"D\" targetNamespace=\"caseflow\">"
                + "<bpmn:process id=\"" + (elements.contains("Publish") ? "allowed-model" : "refused-model") + "\" isExecutable=\"true\""
                + " camunda:historyTimeToLive=\"P30D\">" + elements + "</bpmn:process></bpmn:definitions>";
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "checked");
        HttpHeaders part = new HttpHeaders();
        part.setContentDispositionFormData("model.bpmn", "model.bpmn");
        part.setContentType(MediaType.APPLICATION_XML);
        form.add("model.bpmn", new HttpEntity<>(model.getBytes(java.nio.charset.StandardCharsets.UTF_8), part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("designer", "demo").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
    }

    @Autowired org.camunda.bpm.engine.IdentityService identities;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private org.camunda.bpm.engine.IdentityService identityService() {
        return identities;
    }

    /** A GET from a given local address (the loopback network has many), as another computer would send it. */
    private int statusFrom(String localAddress, String path, String user, String password) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10000);
            String credentials = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aProcedureDesignerMigratesRunningCasesFromOneVersionToTheNext() throws Exception {
        repository.createDeployment().name("migration-demo")
                .addString("migration-demo.bpmn", Files.readString(Path.of("src/test/resources/migration/migration-demo-v1.bpmn"))).deploy();
        ProcessInstance first = runtime.startProcessInstanceByKey("migration-demo", UUID.randomUUID().toString());
        ProcessInstance second = runtime.startProcessInstanceByKey("migration-demo", UUID.randomUUID().toString());
        repository.createDeployment().name("migration-demo")
                .addString("migration-demo.bpmn", Files.readString(Path.of("src/test/resources/migration/migration-demo-v2.bpmn"))).deploy();

        assertThat(http.withBasicAuth("supervisor", "demo").getForEntity("/api/procedure/versions?key=migration-demo", String.class)
                .getStatusCode()).as("case supervision is not procedure design").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> listed = http.withBasicAuth("designer", "demo").getForEntity("/api/procedure/versions?key=migration-demo", String.class);
        assertThat(listed.getStatusCode()).as(listed.getBody()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> versions = http.withBasicAuth("designer", "demo")
                .getForObject("/api/procedure/versions?key=migration-demo", List.class);
        assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2);
        assertThat(versions.get(0).get("runningCases")).isEqualTo(2);
        assertThat(post("cpu.worker", "/api/procedure/migrations", "{\"key\": \"migration-demo\", \"fromVersion\": 1}"))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/procedure/migrations", json("{\"key\": \"migration-demo\", \"fromVersion\": 1}"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> migrated = http.withBasicAuth("designer", "demo")
                .postForEntity("/api/procedure/migrations", json("{\"key\": \"migration-demo\", \"fromVersion\": 1}"), Map.class);

        assertThat(migrated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrated.getBody()).containsEntry("migratedCases", 2).containsEntry("toVersion", 2);
        for (ProcessInstance instance : List.of(first, second)) {
            String definition = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
            assertThat(repository.getProcessDefinition(definition).getVersion()).isEqualTo(2);
            // The new version's next step follows the migrated one.
            tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
            assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                    .isEqualTo("Inform");
        }
        assertThat(http.withBasicAuth("designer", "demo").getForObject("/api/procedure/versions?key=migration-demo", List.class))
                .extracting(v -> ((Map<?, ?>) v).get("runningCases")).containsExactly(0, 2);
    }

    @Test
    void aCaseworkersFiltersListTheirAgencysTasksWithTheCaseTheChildsAgeAndTheRisk() {
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> facts = facts(caseId);
        facts.put("caseReference", "2026-04242");
        facts.put("youngestChildAge", 7);
        runtime.startProcessInstanceByKey("emergency-response", caseId, facts);
        List<Map<String, Object>> filters = http.withBasicAuth("cpu.worker", "demo").getForObject("/engine-rest/filter", List.class);
        assertThat(filters).extracting(f -> f.get("name")).containsExactlyInAnyOrderElementsOf(TaskFilters.NAMES);
        String mine = (String) filters.stream().filter(f -> f.get("name").equals(TaskFilters.NAMES.get(0))).findFirst().orElseThrow().get("id");

        HttpHeaders hal = new HttpHeaders();
        hal.setContentType(MediaType.APPLICATION_JSON);
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        Map<String, Object> listed = http.withBasicAuth("cpu.worker", "demo").postForObject("/engine-rest/filter/" + mine + "/list",
                new HttpEntity<>("{}", hal), Map.class);
        List<Map<String, Object>> listedTasks = (List<Map<String, Object>>) ((Map<String, Object>) listed.get("_embedded")).get("task");
        Map<String, Object> screening = listedTasks.stream()
                .filter(t -> ((List<Map<String, Object>>) ((Map<String, Object>) t.get("_embedded")).get("variable")).stream()
                        .anyMatch(v -> "2026-04242".equals(v.get("value"))))
                .findFirst().orElseThrow();
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) screening.get("_embedded")).get("variable")))
                .as("what the caseworker's own rights let Tasklist show beside the task")
                .extracting(v -> v.get("name") + "=" + v.get("value")).contains("caseReference=2026-04242", "youngestChildAge=7");
        assertThat(http.withBasicAuth("police.worker", "demo").postForObject("/engine-rest/filter/" + mine + "/list",
                new HttpEntity<>("{}", hal), String.class)).doesNotContain("2026-04242");

        // Screened at high risk: the next task is under "High risk", with the level in words, and not yet overdue.
        String screen = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(post("cpu.worker", "/engine-rest/task/" + screen + "/claim", "{\"userId\": \"cpu.worker\"}"))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("cpu.worker", "/engine-rest/task/" + screen + "/complete", """
                {"variables": {"isProtectionCase": {"value": true}, "riskLevel": {"value": "HIGH"},
                               "policeEscortNeeded": {"value": false}, "traffickingIndicators": {"value": false}, "riskOverrideReason": {"value": "danger"}, "screeningReason": {"value": "begging"}}}"""))
                .isEqualTo(HttpStatus.NO_CONTENT);
        String highRisk = filterId(filters, TaskFilters.NAMES.get(3));
        String highRiskList = http.withBasicAuth("cpu.worker", "demo").postForObject("/engine-rest/filter/" + highRisk + "/list",
                new HttpEntity<>("{}", hal), String.class);
        assertThat(highRiskList).contains("MakeFirstContact").contains("I lartë / High").contains("2026-04242");
        assertThat(http.withBasicAuth("cpu.worker", "demo").postForObject("/engine-rest/filter/" + filterId(filters, TaskFilters.NAMES.get(1))
                + "/list", new HttpEntity<>("{}", hal), String.class)).as("due in 24 hours: not overdue").doesNotContain("2026-04242");
    }

    private static String filterId(List<Map<String, Object>> filters, String name) {
        return (String) filters.stream().filter(f -> f.get("name").equals(name)).findFirst().orElseThrow().get("id");
    }

    @Test
    void theFilterOfEarlierVersionsIsReplacedAtStart(@Autowired FilterService filterService, @Autowired TaskFilters taskFilters) {
        filterService.saveFilter(filterService.newTaskFilter(TaskFilters.REPLACED).setQuery(tasks.createTaskQuery()));

        taskFilters.seed();

        assertThat(filterService.createFilterQuery().filterName(TaskFilters.REPLACED).count()).isZero();
        List<String> all = new java.util.ArrayList<>(TaskFilters.NAMES);
        all.add(TaskFilters.ALL_TASKS);
        assertThat(filterService.createFilterQuery().list()).extracting(org.camunda.bpm.engine.filter.Filter::getName)
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(http.withBasicAuth("supervisor", "demo").getForObject("/engine-rest/filter", List.class))
                .extracting(f -> ((Map<?, ?>) f).get("name")).contains(TaskFilters.ALL_TASKS);
    }

    @Test
    void theWebappsOwnRequestsGetNoBasicChallengeSoTheBrowserOpensNoDialog() {
        ResponseEntity<String> welcome = http.getForEntity("/camunda-welcome", String.class);
        assertThat(welcome.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(welcome.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(http.getForEntity("/api/procedure/versions", String.class).getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .as("the API keeps its challenge").startsWith("Basic");
    }

    @Test
    void everythingButHealthNeedsCredentials() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/dead-letters", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/procedure/versions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/admin/auth/user/default", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> webappApi = http.getForEntity("/camunda/api/engine/engine/default/task", String.class);
        assertThat(webappApi.getStatusCode()).as("the webapps' API without a logged-in session").isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> forbidden = http.withBasicAuth("cpu.worker", "demo").getForEntity("/api/dead-letters", String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSignedInUsersGroupsAreTakenAsTheyAreWithoutReadingTheWholeAuthorizationTable() {
        // The engine's own manager would read every authorization row and drop the group that has none.
        List<String> groups = engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("cpu", "a-group-without-authorizations")));

        assertThat(groups).containsExactlyInAnyOrder("cpu", "a-group-without-authorizations");
    }

    private HttpStatus post(String user, String path, String body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private HttpStatus exchange(String user, HttpMethod method, String path, String body) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "demo").exchange(path, method, json(body), String.class)
                .getStatusCode().value());
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, Object> facts(String caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("immediateDanger", false);
        variables.put("traffickingSuspected", false);
        variables.put("unaccompanied", false);
        variables.put("concerns", "NEGLECT");
        variables.put("youngestChildAge", 9);
        variables.put("reportSource", "SCHOOL");
        return variables;
    }
}
