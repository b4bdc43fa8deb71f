package org.caseflow.workflow.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.caseflow.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every completion of a task, from Tasklist, /engine-rest or Java, carries only what the task's
 * deployed form asks for, checked on the server from that form ({@link TaskForm}): a REST client
 * cannot set the follow-up period through a screening task, nor give the technical group an agency
 * that does not exist. The engine's task and form services are replaced by ones that check before
 * they complete; a refusal is the engine's form validation error (a 400 over REST naming the field),
 * and nothing of the task or its case changes.
 */
@Component
class CheckedCompletions extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CheckedCompletions.class);

    private final Set<String> agencies;

    CheckedCompletions(IdentityProperties identities) {
        this.agencies = identities.agencyIds();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new TaskServiceImpl() {
            /**
             * Giving one's own task back (Tasklist's unclaim) is working on it, which a caseworker may;
             * the engine would ask for the right to assign tasks, which they have not.
             */
            @Override
            public void setAssignee(String taskId, String userId) {
                Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
                if (userId == null && caller != null && taskId != null) {
                    Task task = createTaskQuery().taskId(taskId).singleResult();
                    if (task != null && caller.getUserId().equals(task.getAssignee())) {
                        claim(taskId, null);
                        return;
                    }
                }
                super.setAssignee(taskId, userId);
            }

            @Override
            public void complete(String taskId, Map<String, Object> variables) {
                checked(configuration, getCommandExecutor(), taskId, variables);
                super.complete(taskId, variables);
            }

            @Override
            public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
                checked(configuration, getCommandExecutor(), taskId, variables);
                return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
            }

            @Override
            public void resolveTask(String taskId, Map<String, Object> variables) {
                try {
                    checked(configuration, getCommandExecutor(), taskId, variables);
                } catch (FormFieldValidationException e) {
                    throw new BadUserRequestException(e.getMessage());
                }
                super.resolveTask(taskId, variables);
            }
        });
        configuration.setFormService(new FormServiceImpl() {
            @Override
            public void submitTaskForm(String taskId, Map<String, Object> properties) {
                checked(configuration, getCommandExecutor(), taskId, properties);
                super.submitTaskForm(taskId, properties);
            }

            @Override
            public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
                checked(configuration, getCommandExecutor(), taskId, properties);
                return super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues);
            }

            @Override
            public void submitTaskFormData(String taskId, Map<String, String> properties) {
                checked(configuration, getCommandExecutor(), taskId, properties == null ? null : Map.copyOf(properties));
                super.submitTaskFormData(taskId, properties);
            }
        });
    }

    /**
     * Refuses a completion its task's form does not allow. A task that does not exist is left to the
     * engine's own answer (404); one the caller may not work on gets the engine's own refusal (403)
     * before anything of its form is told.
     */
    private void checked(ProcessEngineConfigurationImpl configuration, CommandExecutor commands, String taskId,
                         Map<String, Object> variables) {
        Optional<TaskForm.Refusal> refusal = commands.execute(context -> {
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return Optional.<TaskForm.Refusal>empty();
            }
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            return formOf(context, taskId).check(variables, task.getVariables(), agencies,
                    (expression, values) -> Boolean.TRUE.equals(configuration.getDmnEngineConfiguration().getFeelEngine()
                            .evaluateSimpleExpression(expression, Variables.fromMap(values).asVariableContext())));
        });
        if (refusal.isPresent()) {
            log.info("Completion of task {} refused: {}", taskId,
                    refusal.get().declared() ? refusal.get().field() : "a variable its form does not declare");
            throw new FormFieldValidationException(refusal.get().field(), refusal.get().message());
        }
    }

    private static TaskForm formOf(CommandContext context, String taskId) {
        context.disableAuthorizationCheck();
        try {
            TaskFormData formData = new GetTaskFormCmd(taskId).execute(context);
            if (formData.getFormKey() == null && formData.getCamundaFormRef() == null) {
                return TaskForm.none();
            }
            try (InputStream form = new GetDeployedTaskFormCmd(taskId).execute(context)) {
                return TaskForm.read(form);
            } catch (IOException e) {
                throw new UncheckedIOException("The form of task " + taskId + " cannot be read", e);
            }
        } finally {
            context.enableAuthorizationCheck();
        }
    }
}
