package org.caseflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each service's database did so far, from PostgreSQL's own counters ({@code pg_stat_database}):
 * transactions committed, rows read (returned by scans and fetched by index) and rows written. Unlike
 * CPU time these are counts of work, so two runs can be compared by them even when their CPU figures
 * vary; per case they include the work done every second whatever the rate (the observer's polls, the
 * relays' and the job executor's rounds), so compare them at the same rate and schedule. PostgreSQL
 * reports them at the end of each transaction, at most every half second: phase totals are exact enough.
 */
final class DatabaseWork {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWork.class);

    /** Per completed case: transactions committed, rows read, rows written. */
    record PerCase(double transactions, double rowsRead, double rowsWritten) {
    }

    private final String jdbcUrl;
    private final List<String> databases;

    DatabaseWork(String jdbcUrl, List<String> databases) {
        this.jdbcUrl = jdbcUrl;
        this.databases = databases;
    }

    /** @return each database's counters (commits, rows read, rows written); empty when PostgreSQL does not answer */
    Map<String, long[]> read() {
        Map<String, long[]> counters = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement("""
                     select xact_commit, tup_returned + tup_fetched, tup_inserted + tup_updated + tup_deleted
                     from pg_stat_database where datname = ?""")) {
            for (String database : databases) {
                query.setString(1, database);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        counters.put(database, new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("No database work counts from PostgreSQL: {}", e.toString());
            return Map.of();
        }
        return counters;
    }

    static Map<String, PerCase> perCase(Map<String, long[]> before, Map<String, long[]> after, int cases) {
        Map<String, PerCase> perCase = new LinkedHashMap<>();
        after.forEach((database, counts) -> {
            long[] earlier = before.get(database);
            if (earlier != null && cases > 0) {
                perCase.put(database, new PerCase((counts[0] - earlier[0]) / (double) cases,
                        (counts[1] - earlier[1]) / (double) cases, (counts[2] - earlier[2]) / (double) cases));
            }
        });
        return perCase;
    }
}
