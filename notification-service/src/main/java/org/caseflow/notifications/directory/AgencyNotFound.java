package org.caseflow.notifications.directory;

/** No agency of the directory has the id. */
public class AgencyNotFound extends RuntimeException {

    private final String agencyId;

    public AgencyNotFound(String agencyId) {
        super("No agency " + agencyId + " in the directory");
        this.agencyId = agencyId;
    }

    public String agencyId() {
        return agencyId;
    }
}
