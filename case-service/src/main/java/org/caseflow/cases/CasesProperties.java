package org.caseflow.cases;

import java.net.URI;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of case-service, under {@code caseflow.cases}.
 *
 * @param timeZone           where the pages show times and where a day of a search begins (Albania's time)
 * @param reporterVisibleTo  the agencies that see who reported a case and how to reach them; supervisors always do
 * @param pages              the case file pages
 */
@ConfigurationProperties("caseflow.cases")
public record CasesProperties(
        @DefaultValue("Europe/Tirane") ZoneId timeZone,
        @DefaultValue("cpu") Set<String> reporterVisibleTo,
        @DefaultValue Pages pages) {

    /**
     * @param taskUrl   where a task is opened in Tasklist; {taskId} is filled in
     * @param tasklist  Tasklist's own address, for the link to it in the pages' header
     * @param pageSize  cases on one page of the list
     */
    public record Pages(
            @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/#/?task={taskId}") String taskUrl,
            @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/") URI tasklist,
            @DefaultValue("20") int pageSize) {
    }
}
