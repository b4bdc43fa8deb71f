package org.caseflow.workflow.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * When a group becomes a candidate of a task, the engine grants it the right to work on the task; this
 * adds the right to see it. So a caseworker sees exactly the tasks their agency is a candidate for, and
 * no grant on all tasks is needed.
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
}
