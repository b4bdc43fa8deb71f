package org.caseflow.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users and agency groups every service knows, under {@code caseflow.identity}. The groups ship in
 * {@code caseflow-identity.yml}; there are no users by default: the local profile brings the demo users,
 * anywhere else they come from configuration (an environment or a secret), and no default password
 * exists. Checked when bound: a service with a user of an unknown group, or without a password, does
 * not start.
 *
 * @param groups          the agency groups (ids of DOMAIN.md: cpu, police, ..., supervisors)
 * @param users           the users, each with the groups it belongs to
 * @param services        the systems of bodies that are no users of caseflow (the court, the prosecutor), each
 *                        sending events for its body; they sign in to the API's doors meant for them and nowhere else
 * @param supervisorGroup the group of case supervision: every case, approvals, shares without consent
 * @param designerGroup   the group of procedure design: deploy models, migrate running cases to a new version
 * @param adminGroup      the group of platform administration: Cockpit, Admin, users
 */
@ConfigurationProperties("caseflow.identity")
public record IdentityProperties(
        @DefaultValue List<Group> groups,
        @DefaultValue List<User> users,
        @DefaultValue List<Service> services,
        @DefaultValue("supervisors") String supervisorGroup,
        @DefaultValue("procedure-designers") String designerGroup,
        @DefaultValue("platform-admins") String adminGroup) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public IdentityProperties {
        groups = List.copyOf(groups);
        users = List.copyOf(users);
        services = List.copyOf(services);
        Set<String> groupIds = new HashSet<>();
        for (Group group : groups) {
            if (group.id() == null || !ID.matcher(group.id()).matches() || !groupIds.add(group.id())) {
                throw new IllegalArgumentException("caseflow.identity.groups: '" + group.id()
                        + "' is not a unique id of lower-case letters, digits, dots and dashes");
            }
        }
        Set<String> userIds = new HashSet<>();
        for (User user : users) {
            if (user.id() == null || !ID.matcher(user.id()).matches() || !userIds.add(user.id())) {
                throw new IllegalArgumentException("caseflow.identity.users: '" + user.id()
                        + "' is not a unique id of lower-case letters, digits, dots and dashes");
            }
            if (user.password() == null || user.password().isBlank()) {
                throw new IllegalArgumentException("caseflow.identity.users: " + user.id() + " has no password");
            }
            for (String group : user.groups()) {
                if (!groupIds.contains(group)) {
                    throw new IllegalArgumentException("caseflow.identity.users: " + user.id()
                            + " is in group '" + group + "', which caseflow.identity.groups does not name");
                }
            }
        }
        if (users.stream().noneMatch(user -> user.groups().contains(supervisorGroup))) {
            throw new IllegalArgumentException("caseflow.identity.users: no user is in the group '" + supervisorGroup
                    + "': a service does not start without a supervisor, who alone approves plans and closures and handles missed deadlines");
        }
        for (Service service : services) {
            if (service.id() == null || !ID.matcher(service.id()).matches() || !userIds.add(service.id())) {
                throw new IllegalArgumentException("caseflow.identity.services: '" + service.id()
                        + "' is not an id of lower-case letters, digits, dots and dashes unique among users and services");
            }
            if (service.password() == null || service.password().isBlank()) {
                throw new IllegalArgumentException("caseflow.identity.services: " + service.id() + " has no password");
            }
            if (service.body() == null || !ID.matcher(service.body()).matches() || groupIds.contains(service.body())) {
                throw new IllegalArgumentException("caseflow.identity.services: " + service.id() + " sends for '" + service.body()
                        + "', which must be the id of a body that is not one of caseflow.identity.groups (such as court)");
            }
        }
    }

    /** The ids of the agency groups: every group but the supervisors', the designers' and the administrators'. */
    public Set<String> agencyIds() {
        Set<String> agencies = new HashSet<>();
        groups.stream().map(Group::id).filter(id -> !roleGroups().contains(id)).forEach(agencies::add);
        return Set.copyOf(agencies);
    }

    /** The groups of the roles that are no agency: supervision, procedure design, platform administration. */
    public Set<String> roleGroups() {
        return Set.of(supervisorGroup, designerGroup, adminGroup);
    }

    public record Group(String id, String name) {
    }

    /**
     * A system that sends events for a body outside caseflow.
     *
     * @param body the body's id, such as court or prosecutor: the agency of the events it sends
     */
    public record Service(String id, String password, String body) {

        /** Keeps the password out of logs and error messages. */
        @Override
        public String toString() {
            return "Service[id=" + id + ", body=" + body + "]";
        }
    }

    public record User(String id, String password, String firstName, String lastName, String email,
                       @DefaultValue List<String> groups) {

        public User {
            groups = List.copyOf(groups);
        }

        /** Keeps the password out of logs and error messages. */
        @Override
        public String toString() {
            return "User[id=" + id + ", groups=" + groups + "]";
        }
    }
}
