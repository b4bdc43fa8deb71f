package org.caseflow.workflow.nodes;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.caseflow.workflow.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What lets several workflow-service nodes share one database: ids that never collide (the strong UUID
 * generator: the service refuses to start with another), a name for each node in the job log, and the
 * history clean-up on the one node meant to run it. A named node's job locks carry its name. Everything else (jobs, timers, Kafka partitions) the nodes
 * share through the engine's job locks and the consumer group (docs/scaling.md).
 */
@Component
class NodeSettings extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeSettings.class);

    private final WorkflowProperties.Node node;

    NodeSettings(WorkflowProperties properties) {
        this.node = properties.node();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!node.name().isBlank()) {
            configuration.setHostname(node.name());
        }
        configuration.setHistoryCleanupEnabled(node.historyCleanup());
        log.info("Engine node {}: history clean-up {}", node.name().isBlank() ? "(the engine's default name)" : node.name(),
                node.historyCleanup() ? "runs here" : "left to another node");
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The engine's database id generator hands out blocks of ids per node, read and updated in one
        // row: a hot row with several nodes, and ids that tell nothing apart across databases. The strong
        // UUID generator (camunda.bpm.id-generator: strong) needs no coordination.
        if (!(configuration.getIdGenerator() instanceof StrongUuidGenerator)) {
            throw new IllegalStateException("workflow-service needs the strong UUID id generator (camunda.bpm.id-generator: strong), not "
                    + configuration.getIdGenerator().getClass().getName());
        }
        if (!node.name().isBlank() && configuration.getJobExecutor() != null) {
            // The job locks this node holds name it (ACT_RU_JOB.LOCK_OWNER_), still unique if two nodes were
            // given one name by mistake: an operator sees which node holds a job a crash left locked.
            configuration.getJobExecutor().setLockOwner(node.name() + ":" + java.util.UUID.randomUUID());
        }
    }
}
