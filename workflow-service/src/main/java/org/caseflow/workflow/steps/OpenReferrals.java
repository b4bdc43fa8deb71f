package org.caseflow.workflow.steps;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caseflow.identity.IdentityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * For the reviews' forms: {@code ${referrals.open(execution)}} says which referrals of the case are
 * still open (the process referral still running), in Albanian and English: the service, the agency,
 * and whether it waits for the agency to accept it or for the service to be given, with its due date.
 */
@Component("referrals")
public class OpenReferrals {

    static final String PROCESS = "referral";
    private static final String NONE = "Asnjë / None";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ObjectProvider<RuntimeService> runtime;
    private final Map<String, String> agencies;
    private final Properties services;
    private final ZoneId zone;

    OpenReferrals(ObjectProvider<RuntimeService> runtime, IdentityProperties identities,
                  org.caseflow.workflow.WorkflowProperties properties) throws IOException {
        this.runtime = runtime;
        this.agencies = identities.groups().stream().collect(Collectors.toMap(IdentityProperties.Group::id, IdentityProperties.Group::name));
        this.services = labels();
        this.zone = ZoneId.of(properties.zone());
    }

    /** The open referrals of the execution's case, one a line; "Asnjë / None" when there are none. */
    public String open(DelegateExecution execution) {
        List<ProcessInstance> open = runtime.getObject().createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(execution.getProcessBusinessKey()).active().list();
        if (open.isEmpty()) {
            return NONE;
        }
        return open.stream().map(this::line).sorted().collect(Collectors.joining("\n"));
    }

    private String line(ProcessInstance referral) {
        RuntimeService engine = runtime.getObject();
        Map<String, Object> variables = engine.getVariables(referral.getId(), List.of("service", "agency", "referralAcceptanceDue", "referralDoneDue"));
        String service = String.valueOf(variables.get("service"));
        String agency = String.valueOf(variables.get("agency"));
        boolean accepted = engine.getActiveActivityIds(referral.getId()).contains("ReportReferralDone");
        Object dueAt = variables.get(accepted ? "referralDoneDue" : "referralAcceptanceDue");
        String due = dueAt instanceof Date date ? DAY.format(date.toInstant().atZone(zone)) : "—";
        String state = accepted
                ? "pranuar, shërbimi deri më " + due + " / accepted, the service due by " + due
                : "pret pranimin deri më " + due + " / waiting to be accepted by " + due;
        return "- " + services.getProperty(service, service) + " · " + agencies.getOrDefault(agency, agency) + ": " + state;
    }

    static Properties labels() throws IOException {
        Properties labels = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource("referral-services.properties").getInputStream(), StandardCharsets.UTF_8)) {
            labels.load(in);
        }
        return labels;
    }
}
