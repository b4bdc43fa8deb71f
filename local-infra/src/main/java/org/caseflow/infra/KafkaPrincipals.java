package org.caseflow.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker, as production's ACLs say it (docs/operations.md, "Kafka"): each
 * service signs in as itself, writes only its own topic (and the dead-letter topics of what it
 * consumes), reads only the topics it consumes, in its own consumer group. So an event that grants
 * access to a case, a TaskCreated, can come from workflow-service alone. The local password of each is
 * its name; production gives its own.
 */
public final class KafkaPrincipals {

    /** A service's principal and what it may do. */
    public record Principal(String name, String writes, List<String> reads) {

        public String password() {
            return name;
        }

        /** What a client's configuration needs to sign in as this principal (beside the broker's address and SASL). */
        public Map<String, Object> signIn() {
            return Map.of(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.jaas(name, password()));
        }
    }

    public static final Principal CASE_SERVICE = new Principal("case-service", "caseflow.case-events",
            List.of("caseflow.workflow-events", "caseflow.notification-events"));
    public static final Principal WORKFLOW_SERVICE = new Principal("workflow-service", "caseflow.workflow-events",
            List.of("caseflow.case-events"));
    public static final Principal NOTIFICATION_SERVICE = new Principal("notification-service", "caseflow.notification-events",
            List.of("caseflow.case-events", "caseflow.workflow-events"));

    public static final List<Principal> SERVICES = List.of(CASE_SERVICE, WORKFLOW_SERVICE, NOTIFICATION_SERVICE);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";
    private static final String REPLAY_INFIX = ".replay.";

    private KafkaPrincipals() {
    }

    /** Creates (or renews) every service's SCRAM credential and ACLs, signed in as the super user. */
    static void grant(Map<String, Object> adminProperties) {
        try (Admin admin = Admin.create(adminProperties)) {
            List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (Principal principal : SERVICES) {
                credentials.add(new UserScramCredentialUpsertion(principal.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), principal.password()));
                acls.addAll(aclsOf(principal));
            }
            admin.alterUserScramCredentials(new ArrayList<>(credentials)).all().get();
            admin.createAcls(acls).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while granting the services' Kafka access", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not grant the services' Kafka access", e.getCause());
        }
    }

    static List<AclBinding> aclsOf(Principal principal) {
        List<AclBinding> acls = new ArrayList<>();
        // Every service declares the topics at start: it may see and create them, not write or read them.
        acls.add(allow(principal, ResourceType.TOPIC, "caseflow.", PatternType.PREFIXED, AclOperation.DESCRIBE));
        acls.add(allow(principal, ResourceType.TOPIC, "caseflow.", PatternType.PREFIXED, AclOperation.CREATE));
        acls.add(allow(principal, ResourceType.TOPIC, principal.writes(), PatternType.LITERAL, AclOperation.WRITE));
        for (String topic : principal.reads()) {
            acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(principal, ResourceType.TOPIC, topic + DEAD_LETTER_SUFFIX, PatternType.LITERAL, AclOperation.WRITE));
            // Its own dead letters, replayed to a topic only it writes and reads.
            String replay = topic + REPLAY_INFIX + principal.name();
            acls.add(allow(principal, ResourceType.TOPIC, replay, PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(principal, ResourceType.TOPIC, replay, PatternType.LITERAL, AclOperation.READ));
        }
        acls.add(allow(principal, ResourceType.GROUP, principal.name(), PatternType.PREFIXED, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(Principal principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + principal.name(), "*", operation, AclPermissionType.ALLOW));
    }
}
