package org.caseflow.cases;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of case-service, under {@code caseflow.cases}.
 *
 * @param timeZone           where the pages show times and where a day of a search begins (Albania's time)
 * @param reporterVisibleTo  the agencies that see who reported a case and how to reach them; supervisors always do
 * @param pages              the case file pages
 * @param agencyEvents       the kinds of event other agencies' systems may send (POST /api/cases/{id}/agency-events),
 *                           by name: who sends each, its outcomes and attributes
 * @param needToKnow         how long an agency reads a case through its tasks, and which agencies own cases
 * @param retention          how long a closed case is kept before it is erased
 */
@ConfigurationProperties("caseflow.cases")
public record CasesProperties(
        @DefaultValue("Europe/Tirane") ZoneId timeZone,
        @DefaultValue("cpu") Set<String> reporterVisibleTo,
        @DefaultValue Pages pages,
        @DefaultValue Map<String, AgencyEventKind> agencyEvents,
        @DefaultValue NeedToKnowSettings needToKnow,
        @DefaultValue Retention retention) {

    /**
     * @param closedCases     how long a case is kept after it was closed (and not reopened); then it is erased
     * @param interval        how often erasure looks for such cases
     * @param idempotencyKeys how long a report's Idempotency-Key makes its retries the same case
     */
    public record Retention(
            @DefaultValue("3650d") Duration closedCases,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("24h") Duration idempotencyKeys) {
    }

    public CasesProperties {
        agencyEvents = Map.copyOf(agencyEvents);
    }

    /**
     * @param owners        the agencies that own the cases they take part in (DOMAIN.md: the Child Protection
     *                      Unit) and read the whole file for as long as the case lives
     * @param afterLastTask how long an agency still reads the file after its last task in the case ended
     */
    public record NeedToKnowSettings(
            @DefaultValue("cpu") Set<String> owners,
            @DefaultValue("30d") Duration afterLastTask) {
    }

    /**
     * A kind of agency event, such as CourtDecisionRecorded.
     *
     * @param senders    the agencies (or bodies with a service identity, such as court) that may send it
     * @param outcomes   the outcomes it may carry; empty for none
     * @param attributes the attributes it may carry, each with the pattern its value must match whole
     */
    public record AgencyEventKind(
            @DefaultValue Set<String> senders,
            @DefaultValue List<String> outcomes,
            @DefaultValue Map<String, Pattern> attributes) {

        public AgencyEventKind {
            senders = Set.copyOf(senders);
            outcomes = List.copyOf(outcomes);
            attributes = Map.copyOf(attributes);
        }
    }

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
