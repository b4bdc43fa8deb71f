package org.caseflow.workflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every request of a signed-in user a read of the whole authorization table.
 *
 * <p>Before it checks a signed-in user's rights, the engine narrows the user's groups to those that hold
 * any authorization, and to know those it reads every row of {@code ACT_RU_AUTHORIZATION}
 * ({@code select distinct GROUP_ID_}) once per command. That table holds a row for each open task and
 * candidate agency ({@link AgencyTaskAuthorizations}), so the read grows with the open cases: every
 * Tasklist refresh and REST call paid for all of them (measured in docs/performance.md). The narrowing
 * changes no answer: a group without authorizations matches no row of the checks it is left out of. So
 * the user's groups are kept as they are, and the checks themselves stay the engine's.
 */
@Component
class GroupsWithoutTableScan extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // Custom session factories replace the engine's own of the same type.
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new SignedInGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, minus the narrowing of the groups. */
    static final class SignedInGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            // As the engine's own answer: each group once, no null.
            return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
    }
}
