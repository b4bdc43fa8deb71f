package org.caseflow.workflow.nodes;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.caseflow.workflow.WorkflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several nodes on one database: ids that need no coordination, a name per node, the clean-up on one. */
class NodeSettingsTest extends WorkflowIntegrationTest {

    @Autowired ProcessEngineConfigurationImpl configuration;

    @Test
    void idsComeFromTheStrongUuidGeneratorAndThisNodeRunsTheCleanUpByDefault() {
        assertThat(configuration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
        assertThat(UUID.fromString(configuration.getIdGenerator().getNextId()).version()).as("a time-based UUID").isEqualTo(1);
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
    }

    @Test
    void aNodeTakesItsNameAndLeavesTheCleanUpToAnotherWhenToldSo() {
        ProcessEngineConfigurationImpl other = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
        new NodeSettings(properties(new WorkflowProperties.Node("workflow-2", false))).preInit(other);
        assertThat(other.getHostname()).isEqualTo("workflow-2");
        assertThat(other.isHistoryCleanupEnabled()).isFalse();
    }

    @Test
    void anEngineWithAnotherIdGeneratorDoesNotStart() {
        ProcessEngineConfigurationImpl other = new org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration();
        other.setIdGenerator(new IdGenerator() {
            private long next;

            @Override
            public String getNextId() {
                return Long.toString(++next);
            }
        });
        assertThatThrownBy(() -> new NodeSettings(properties(new WorkflowProperties.Node("", true))).postInit(other))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("strong UUID");
    }

    private static WorkflowProperties properties(WorkflowProperties.Node node) {
        return new WorkflowProperties("emergency-response", "http://localhost/cases/{caseId}", java.util.List.of(), "Europe/Tirane", node);
    }
}
