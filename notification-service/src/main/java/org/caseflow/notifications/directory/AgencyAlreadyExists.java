package org.caseflow.notifications.directory;

/** An agency with the id is in the directory already. */
public class AgencyAlreadyExists extends RuntimeException {

    private final String agencyId;

    public AgencyAlreadyExists(String agencyId) {
        super("Agency " + agencyId + " is in the directory already");
        this.agencyId = agencyId;
    }

    public String agencyId() {
        return agencyId;
    }
}
