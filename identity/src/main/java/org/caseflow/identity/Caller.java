package org.caseflow.identity;

import java.util.Set;

/**
 * Who makes a request and from where: what an access rule decides on and what an audit record keeps.
 * A controller method receives it as a parameter.
 *
 * @param user       the user id
 * @param agencies   the agency groups the user belongs to (the supervisors' group not among them)
 * @param supervisor whether the user is in the supervisors' group
 * @param address    the address the request came from
 * @param service    whether the caller is a service sending for a body outside caseflow (its only
 *                   agency is that body, such as court), not a person
 */
public record Caller(String user, Set<String> agencies, boolean supervisor, String address, boolean service) {

    public Caller {
        agencies = Set.copyOf(agencies);
    }

    /** Whether the caller acts for one of the agencies, or is a supervisor, who may act for any. */
    public boolean actsForAnyOf(Set<String> agencyIds) {
        return supervisor || agencyIds.stream().anyMatch(agencies::contains);
    }

    public boolean actsFor(String agencyId) {
        return supervisor || agencies.contains(agencyId);
    }
}
