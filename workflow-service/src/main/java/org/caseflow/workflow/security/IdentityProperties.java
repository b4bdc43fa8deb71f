package org.caseflow.workflow.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users and agency groups, under {@code caseflow.identity}. There are none by default: the local
 * profile brings the demo users; anywhere else they come from configuration (environment or a secret),
 * and no default password exists.
 *
 * @param groups the agency groups (ids of DOMAIN.md: cpu, police, ..., supervisors)
 * @param users  the users, each with the groups it belongs to
 * @param supervisorGroup the group whose members may see everything, deploy and migrate
 */
@ConfigurationProperties("caseflow.identity")
public record IdentityProperties(
        @DefaultValue List<Group> groups,
        @DefaultValue List<User> users,
        @DefaultValue("supervisors") String supervisorGroup) {

    public record Group(String id, String name) {
    }

    public record User(String id, String password, String firstName, String lastName, String email,
                       @DefaultValue List<String> groups) {
    }
}
