package org.caseflow.workflow.nodes;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes started at the same moment take turns at their start-up writes. At start the engine creates or
 * updates its tables (camunda.bpm.database.schema-update), and then this service deploys the models and
 * seeds the agencies' groups, filters and grants (IdentitySeeder); none of that is safe against another
 * node doing the same at once: on an empty database the second node's {@code create table} failed, and
 * then its grants collided with the first's, and it stopped (both seen in SeveralNodesIT). So each node
 * holds a PostgreSQL advisory lock, the same mechanism Flyway uses for its migrations, from just before
 * the engine's schema operation until the application is ready (after the seeding); the next node then
 * finds everything made. The lock is the session's, on a connection of its own outside the pool: closing
 * it (or the node dying) ends the session and frees the lock, whatever else went wrong.
 */
@Component
class EngineStartLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineStartLock.class);
    private static final String KEY = "hashtext('caseflow.workflow-service.engine-start')";

    private static final java.time.Duration WAIT_AT_MOST = java.time.Duration.ofMinutes(10);

    private final DataSourceProperties database;
    private Connection holding;

    EngineStartLock(DataSourceProperties database) {
        this.database = database;
    }

    @Override
    public synchronized void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            // Not one of the pool's: a pooled connection's close() keeps the session, and the lock with it.
            holding = DriverManager.getConnection(database.determineUrl(), database.determineUsername(), database.determinePassword());
            holding.setAutoCommit(true);
            long began = System.nanoTime();
            try (Statement statement = holding.createStatement()) {
                // A node's start takes a minute or two; a lock held far longer is a node stuck in its start.
                statement.execute("set lock_timeout = '" + WAIT_AT_MOST.toSeconds() + "s'");
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
            long waitedMillis = (System.nanoTime() - began) / 1_000_000;
            if (waitedMillis > 1000) {
                log.info("Waited {} ms for another node to finish starting", waitedMillis);
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Could not take the start lock in PostgreSQL (another node starting for more than "
                    + WAIT_AT_MOST.toMinutes() + " minutes holds it?)", e);
        }
    }

    /** Last of the start-up's listeners: after the seeding (IdentitySeeder runs first). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void started() {
        release();
    }

    /** A context closed without ever being ready (a failed start) lets the lock go too. */
    @EventListener(ContextClosedEvent.class)
    public void closed() {
        release();
    }

    /** Ends the lock's session, which frees the lock. */
    private synchronized void release() {
        if (holding == null) {
            return;
        }
        try {
            holding.close();
        } catch (SQLException e) {
            log.warn("Could not close the start lock's connection: {}", e.getMessage());
        } finally {
            holding = null;
        }
    }
}
