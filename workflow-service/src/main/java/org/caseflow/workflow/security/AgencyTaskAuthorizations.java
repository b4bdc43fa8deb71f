package org.caseflow.workflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a group becomes a candidate of a task, the engine grants it the right to work on the task
 * (TASK_WORK: claim and complete, application.yml); this adds the right to see it. So a caseworker sees
 * exactly the tasks their agency is a candidate for, and no grant on all tasks is needed.
 */
@Component
class AgencyTaskAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
                AuthorizationEntity[] granted = super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
                if (granted != null) {
                    for (AuthorizationEntity authorization : granted) {
                        authorization.addPermission(Permissions.READ);
                    }
                }
                return granted;
            }
        });
    }

    /**
     * Narrows the grants an earlier version gave on single tasks (UPDATE: change the task's variables,
     * candidates, assignee, due date) to working on them (TASK_WORK), as new tasks are granted.
     *
     * @return how many grants were narrowed
     */
    static int downgradeTaskGrants(AuthorizationService authorizations) {
        int narrowed = 0;
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if (Authorization.ANY.equals(grant.getResourceId()) || grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
                continue;
            }
            grant.removePermission(Permissions.UPDATE);
            grant.addPermission(Permissions.TASK_WORK);
            authorizations.saveAuthorization(grant);
            narrowed++;
        }
        return narrowed;
    }
}
