package org.caseflow.workflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.filter.Filter;
import org.caseflow.identity.IdentityProperties;
import org.camunda.bpm.engine.FilterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the configured groups and users to Camunda's identity service at start, so that Tasklist,
 * Cockpit and /engine-rest know them, and grants each agency group what a caseworker needs: Tasklist,
 * the shared task filter. Which tasks a caseworker sees is the engine's own rule: a candidate group of
 * a task is granted that task, nothing else. Supervisors are Camunda admins (see application.yml).
 */
@Component
class IdentitySeeder {

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);
    static final String AGENCY_FILTER = "My agency's tasks";

    private final IdentityProperties identities;
    private final IdentityService identityService;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    IdentitySeeder(IdentityProperties identities, IdentityService identityService, AuthorizationService authorizations,
                   FilterService filters, TaskService tasks) {
        this.identities = identities;
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        Filter filter = agencyFilter();
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (IdentityProperties.Group configured : identities.groups()) {
            ensureGroup(configured.id(), configured.name() == null ? configured.id() : configured.name(), "AGENCY");
            if (configured.id().equals(identities.supervisorGroup())) {
                for (org.camunda.bpm.engine.authorization.Resource resource : Resources.values()) {
                    grant(configured.id(), resource, Authorization.ANY, Permissions.ALL);
                }
            } else {
                grant(configured.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
                grant(configured.id(), Resources.FILTER, filter.getId(), Permissions.READ);
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

    /** One task filter for every caseworker: the engine shows each only the tasks of their agency. */
    private Filter agencyFilter() {
        Filter existing = filters.createFilterQuery().filterName(AGENCY_FILTER).singleResult();
        if (existing != null) {
            return existing;
        }
        Filter filter = filters.newTaskFilter(AGENCY_FILTER).setQuery(tasks.createTaskQuery());
        filter.setProperties(java.util.Map.of("description", "Tasks for my agency", "priority", -10, "refresh", true));
        return filters.saveFilter(filter);
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
