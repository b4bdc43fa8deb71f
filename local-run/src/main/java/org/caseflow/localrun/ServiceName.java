package org.caseflow.localrun;

/** The services of the system, with their database and their port in the local run. */
public enum ServiceName {
    WORKFLOW("workflow-service", "workflow_service", 8080),
    CASE("case-service", "case_service", 8081),
    NOTIFICATION("notification-service", "notification_service", 8082);

    private final String id;
    private final String database;
    private final int localPort;

    ServiceName(String id, String database, int localPort) {
        this.id = id;
        this.database = database;
        this.localPort = localPort;
    }

    public String id() {
        return id;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }
}
