package org.caseflow.workflow.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.caseflow.identity.IdentityProperties;
import org.caseflow.workflow.tasks.TaskFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the configured groups and users to Camunda's identity service at start, so that Tasklist,
 * Cockpit and /engine-rest know them, and grants each agency group what a caseworker needs: Tasklist,
 * the shared task filters ({@link TaskFilters}). Which tasks a caseworker sees is the engine's own rule: a
 * candidate group of a task is granted that task, nothing else. Supervisors are Camunda admins (see application.yml).
 */
@Component
class IdentitySeeder {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    private final IdentityProperties identities;
    private final IdentityService identityService;
    private final AuthorizationService authorizations;
    private final TaskFilters filters;

    IdentitySeeder(IdentityProperties identities, IdentityService identityService, AuthorizationService authorizations,
                   TaskFilters filters) {
        this.identities = identities;
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.filters = filters;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        List<String> taskFilters = filters.seed();
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (IdentityProperties.Group configured : identities.groups()) {
            ensureGroup(configured.id(), configured.name() == null ? configured.id() : configured.name(), "AGENCY");
            if (configured.id().equals(identities.supervisorGroup())) {
                for (org.camunda.bpm.engine.authorization.Resource resource : Resources.values()) {
                    grant(configured.id(), resource, Authorization.ANY, Permissions.ALL);
                }
            } else {
                grant(configured.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                for (String filter : taskFilters) {
                    grant(configured.id(), Resources.FILTER, filter, Permissions.READ);
                }
            }
        }
        for (IdentityProperties.User configured : identities.users()) {
            User user = identityService.createUserQuery().userId(configured.id()).singleResult();
            if (user == null) {
                user = identityService.newUser(configured.id());
                user.setPassword(configured.password());
            } else if (!identityService.checkPassword(configured.id(), configured.password())) {
                user.setPassword(configured.password());
            }
            user.setFirstName(configured.firstName());
            user.setLastName(configured.lastName());
            user.setEmail(configured.email());
            identityService.saveUser(user);
            for (String groupId : configured.groups()) {
                join(configured.id(), groupId);
                if (groupId.equals(identities.supervisorGroup())) {
                    // Supervisors see everything, deploy and migrate: the engine's administrators.
                    join(configured.id(), Groups.CAMUNDA_ADMIN);
                }
            }
        }
        log.info("Identities: {} groups, {} users from configuration", identities.groups().size(), identities.users().size());
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void join(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void grant(String groupId, org.camunda.bpm.engine.authorization.Resource resource, String resourceId,
                       org.camunda.bpm.engine.authorization.Permission permission) {
        long existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).hasPermission(permission).count();
        if (existing == 0) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        }
    }
}
