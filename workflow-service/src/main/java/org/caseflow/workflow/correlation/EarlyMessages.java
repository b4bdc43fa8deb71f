package org.caseflow.workflow.correlation;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages that arrived before their process waited for them. The race is closed by a row lock per
 * case that both sides take in their transaction: the consumer (correlate, or else keep the message
 * here) and the process (take a kept message, or else wait at its catch event). Whichever commits first,
 * the other sees its result, so a message is either correlated or taken, never lost.
 *
 * <p>In a model: a gateway before the catch event with the condition
 * {@code ${earlyMessages.take(execution, 'CourtDecisionRecorded')}} skips the wait when the message
 * came first, with its variables set as correlation would have set them.
 */
@Component("earlyMessages")
public class EarlyMessages {

    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EarlyMessages(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Takes the case's lock until the end of the transaction. */
    void lockCase(String caseId) {
        jdbc.sql("insert into case_lock (case_id) values (?) on conflict do nothing").param(caseId).update();
        jdbc.sql("select case_id from case_lock where case_id = ? for update").param(caseId).query(String.class).single();
    }

    void keep(String caseId, String messageName, Map<String, Object> variables) {
        jdbc.sql("insert into early_message (case_id, message_name, variables) values (?, ?, ?)")
                .params(caseId, messageName, write(variables))
                .update();
    }

    /**
     * For a model's gateway: takes the oldest kept message of that name for the execution's case, sets
     * its variables, and answers whether there was one.
     */
    public boolean take(DelegateExecution execution, String messageName) {
        String caseId = execution.getProcessBusinessKey();
        lockCase(caseId);
        return jdbc.sql("""
                delete from early_message where id = (
                    select id from early_message where case_id = ? and message_name = ? order by id limit 1)
                returning variables""")
                .params(caseId, messageName)
                .query(String.class)
                .optional()
                .map(variables -> {
                    execution.setVariables(read(variables));
                    return true;
                })
                .orElse(false);
    }

    /** How many messages wait for the case's process, for operators and tests. */
    public long waiting(String caseId) {
        return jdbc.sql("select count(*) from early_message where case_id = ?").param(caseId).query(Long.class).single();
    }

    private String write(Map<String, Object> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message variables are not JSON", e);
        }
    }

    private Map<String, Object> read(String variables) {
        try {
            return json.readValue(variables, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept message has unreadable variables", e);
        }
    }
}
