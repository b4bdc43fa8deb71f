package org.caseflow.workflow.versions;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.caseflow.workflow.WorkflowProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For supervisors: the deployed versions of a procedure with how many cases run on each, and the
 * migration of the running cases of one version to another ({@link ProcedureMigration}): the answer
 * says how many moved, and which cases stayed because they wait at a step the new version lacks.
 */
@RestController
@RequestMapping("/api/procedure")
class ProcedureVersionsController {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final WorkflowProperties properties;
    private final ProcedureMigration migration;

    ProcedureVersionsController(RepositoryService repository, RuntimeService runtime, WorkflowProperties properties,
                                ProcedureMigration migration) {
        this.repository = repository;
        this.runtime = runtime;
        this.properties = properties;
        this.migration = migration;
    }

    record Version(String id, String key, int version, String deploymentId, long runningCases) {
    }

    record Migration(String key, @NotNull @Min(1) Integer fromVersion, Integer toVersion) {
    }

    @GetMapping("/versions")
    List<Version> versions(@RequestParam(required = false) String key) {
        String processKey = key == null ? properties.procedureKey() : key;
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).orderByProcessDefinitionVersion().asc()
                .list().stream()
                .map(d -> new Version(d.getId(), d.getKey(), d.getVersion(), d.getDeploymentId(),
                        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
                .toList();
    }

    /** Moves every running case of {@code fromVersion} to {@code toVersion} (the latest when left out). */
    @PostMapping("/migrations")
    Map<String, Object> migrate(@RequestBody @jakarta.validation.Valid Migration request) {
        String processKey = request.key() == null ? properties.procedureKey() : request.key();
        ProcessDefinition from = definition(processKey, request.fromVersion());
        ProcessDefinition to = request.toVersion() == null
                ? repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult()
                : definition(processKey, request.toVersion());
        ProcedureMigration.Result result = migration.migrate(from, to);
        return Map.of("key", processKey, "fromVersion", from.getVersion(), "toVersion", to.getVersion(),
                "migratedCases", result.migrated(), "notMigrated", result.heldBack());
    }

    private ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new IllegalArgumentException("No version " + version + " of process " + key);
        }
        return definition;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail unknownVersion(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(org.camunda.bpm.engine.migration.MigrationPlanValidationException.class)
    ProblemDetail notMigratable(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The versions cannot be mapped: " + e.getMessage());
    }
}
