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
 * @param supervisorGroup the group whose members may see everything, share without consent, deploy and migrate
 */
@ConfigurationProperties("caseflow.identity")
public record IdentityProperties(
        @DefaultValue List<Group> groups,
        @DefaultValue List<User> users,
        @DefaultValue("supervisors") String supervisorGroup) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public IdentityProperties {
        groups = List.copyOf(groups);
        users = List.copyOf(users);
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
    }

    /** The ids of the agency groups: every group but the supervisors'. */
    public Set<String> agencyIds() {
        Set<String> agencies = new HashSet<>();
        groups.stream().map(Group::id).filter(id -> !id.equals(supervisorGroup)).forEach(agencies::add);
        return Set.copyOf(agencies);
    }

    public record Group(String id, String name) {
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
