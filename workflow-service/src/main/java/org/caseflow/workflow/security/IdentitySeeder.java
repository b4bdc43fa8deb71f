package org.caseflow.workflow.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.caseflow.identity.IdentityProperties;
import org.caseflow.workflow.tasks.TaskFilters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes Camunda's identities what the configuration says, at every start: its groups, users and
 * memberships, and what each group is granted. Configuration is the one source: a user or membership
 * removed from it is gone from Camunda here, and a grant given by hand in Admin is replaced by the
 * configured ones.
 *
 * <p>Three roles beside the agencies, each its own group: case supervision (supervisors: every task
 * and case to read, every task to work, Tasklist), procedure design (designers: deploy, migrate,
 * Cockpit, no case data) and platform administration (admins: Camunda's administrators, Cockpit and
 * Admin). An agency gets Tasklist and its filters ({@link TaskFilters}); which of the tasks it sees is
 * the engine's own rule: a candidate group of a task is granted that task ({@link AgencyTaskAuthorizations}).
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

    /** A grant of some permissions on a resource (one, or {@link Authorization#ANY}). */
    private record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    /** First of the start-up's writes, while this node holds the start lock (EngineStartLock), so nodes started together take turns. */
    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    public void seed() {
        List<String> agencyFilters = filters.seed();
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        Set<String> configuredGroups = new HashSet<>();
        for (IdentityProperties.Group configured : identities.groups()) {
            configuredGroups.add(configured.id());
            ensureGroup(configured.id(), configured.name() == null ? configured.id() : configured.name(), "AGENCY");
            grantExactly(configured.id(), grantsOf(configured.id(), agencyFilters));
        }
        removeGroupsNotConfigured(configuredGroups);
        Set<String> configuredUsers = new HashSet<>();
        for (IdentityProperties.User configured : identities.users()) {
            configuredUsers.add(configured.id());
            saveUser(configured);
            Set<String> groups = new HashSet<>(configured.groups());
            if (groups.contains(identities.adminGroup())) {
                // Platform administrators are the engine's administrators: Cockpit, Admin, everything.
                groups.add(Groups.CAMUNDA_ADMIN);
            }
            joinExactly(configured.id(), groups);
        }
        for (User user : identityService.createUserQuery().list()) {
            if (!configuredUsers.contains(user.getId())) {
                identityService.deleteUser(user.getId());
                log.warn("Identities: user {} is no longer configured and was removed from Camunda", user.getId());
            }
        }
        int downgraded = AgencyTaskAuthorizations.downgradeTaskGrants(authorizations);
        log.info("Identities: {} groups, {} users from configuration{}", identities.groups().size(), identities.users().size(),
                downgraded == 0 ? "" : "; " + downgraded + " task grants of an earlier version narrowed to working on the task");
    }

    private List<Grant> grantsOf(String group, List<String> agencyFilters) {
        if (group.equals(identities.supervisorGroup())) {
            return List.of(
                    new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                    new Grant(Resources.FILTER, Authorization.ANY, Permissions.READ),
                    // Every task and case to read; any task to work on (approvals, or stepping in), none to rewrite.
                    new Grant(Resources.TASK, Authorization.ANY, Permissions.READ, Permissions.TASK_WORK),
                    new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ),
                    new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY),
                    new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ));
        }
        if (group.equals(identities.designerGroup())) {
            // Models and their versions, not the cases they run: no process instance, task or variable.
            return List.of(
                    new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                    new Grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE),
                    new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                            org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                            org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.SUSPEND),
                    new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ),
                    new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));
        }
        if (group.equals(identities.adminGroup())) {
            // Membership of camunda-admin opens Admin and passes the engine's checks of commands; its
            // queries still filter by grants, so the administrators hold all of them, as Camunda's own setup gives.
            return java.util.Arrays.stream(Resources.values()).map(resource -> new Grant(resource, Authorization.ANY, Permissions.ALL))
                    .toList();
        }
        List<Grant> grants = new ArrayList<>();
        grants.add(new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        agencyFilters.forEach(filter -> grants.add(new Grant(Resources.FILTER, filter, Permissions.READ)));
        return grants;
    }

    /**
     * Makes the group's standing grants the given ones: adds what is missing, deletes what is not among
     * them. The grants of single tasks, which the engine gives a candidate group, are the procedure's and stay.
     */
    private void grantExactly(String groupId, List<Grant> grants) {
        List<Grant> missing = new ArrayList<>(grants);
        for (Authorization existing : authorizations.createAuthorizationQuery().groupIdIn(groupId).list()) {
            boolean singleTask = existing.getResourceType() == Resources.TASK.resourceType()
                    && !Authorization.ANY.equals(existing.getResourceId());
            if (singleTask) {
                continue;
            }
            Grant wanted = missing.stream().filter(grant -> sameGrant(existing, grant)).findFirst().orElse(null);
            if (wanted == null) {
                authorizations.deleteAuthorization(existing.getId());
            } else {
                missing.remove(wanted);
            }
        }
        for (Grant grant : missing) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            for (Permission permission : grant.permissions()) {
                authorization.addPermission(permission);
            }
            authorizations.saveAuthorization(authorization);
        }
    }

    private static boolean sameGrant(Authorization existing, Grant grant) {
        int permissions = 0;
        for (Permission permission : grant.permissions()) {
            permissions |= permission.getValue();
        }
        return existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && existing.getResourceType() == grant.resource().resourceType()
                && grant.resourceId().equals(existing.getResourceId())
                && ((AuthorizationEntity) existing).getPermissions() == permissions;
    }

    private void removeGroupsNotConfigured(Set<String> configuredGroups) {
        for (Group group : identityService.createGroupQuery().groupType("AGENCY").list()) {
            if (!configuredGroups.contains(group.getId())) {
                grantExactly(group.getId(), List.of());
                identityService.deleteGroup(group.getId());
                log.warn("Identities: group {} is no longer configured and was removed from Camunda", group.getId());
            }
        }
    }

    private void saveUser(IdentityProperties.User configured) {
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
        // A lock from an earlier version's failed logins (now throttled instead) lifts at start.
        identityService.unlockUser(configured.id());
    }

    private void joinExactly(String userId, Set<String> groups) {
        Map<String, Group> current = identityService.createGroupQuery().groupMember(userId).list().stream()
                .collect(Collectors.toMap(Group::getId, group -> group));
        for (String groupId : current.keySet()) {
            if (!groups.contains(groupId)) {
                identityService.deleteMembership(userId, groupId);
                log.warn("Identities: {} is no longer configured in group {} and was removed from it", userId, groupId);
            }
        }
        for (String groupId : groups) {
            if (!current.containsKey(groupId)) {
                identityService.createMembership(userId, groupId);
            }
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
