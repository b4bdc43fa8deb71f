package org.caseflow.cases.casefile;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What was reported: who reported, what is feared, whether the child is in danger now, the children,
 * where, and the reporter's account. Only case-service keeps the names and the account.
 */
public record Report(
        ReportSource source,
        Set<Concern> concerns,
        boolean immediateDanger,
        List<Child> children,
        Location location,
        String narrative,
        Reporter reporter) {

    public Report {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(narrative, "narrative");
        concerns = Set.copyOf(concerns);
        children = List.copyOf(children);
        if (concerns.isEmpty()) {
            throw new IllegalArgumentException("A report names at least one concern");
        }
        if (children.isEmpty()) {
            throw new IllegalArgumentException("A report names at least one child");
        }
    }

    /** A child as the reporter knows them: a first name or a description may be all there is. */
    public record Child(String firstName, String description, Integer ageYears) {
        public Child {
            if (isBlank(firstName) && isBlank(description)) {
                throw new IllegalArgumentException("A child needs a first name or a description");
            }
        }
    }

    public record Location(String municipality, String details) {
        public Location {
            if (isBlank(municipality)) {
                throw new IllegalArgumentException("A location needs a municipality");
            }
        }
    }

    /** The reporter's name and phone, both optional (a report may be anonymous). */
    public record Reporter(String name, String phone) {
        public static final Reporter ANONYMOUS = new Reporter(null, null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
