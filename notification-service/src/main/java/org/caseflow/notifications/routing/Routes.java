package org.caseflow.notifications.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routes in PostgreSQL; conditions and targets are JSON columns. */
@Repository
class Routes {

    private static final String COLUMNS = "id, event_name, conditions, targets, urgency, template, description";
    private static final TypeReference<Map<String, String>> CONDITIONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> TARGETS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Routes(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    List<Route> all() {
        return jdbc.sql("select " + COLUMNS + " from route order by event_name, id").query(this::route).list();
    }

    List<Route> forEvent(String eventName) {
        return jdbc.sql("select " + COLUMNS + " from route where event_name = ? order by id").param(eventName)
                .query(this::route).list();
    }

    Optional<Route> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from route where id = ?").param(id).query(this::route).optional();
    }

    Route insert(Route route) {
        long id = jdbc.sql("""
                insert into route (event_name, conditions, targets, urgency, template, description, updated_at)
                values (?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?) returning id""")
                .params(route.event(), write(route.when()), write(route.agencies()), route.urgency().name(),
                        route.template(), route.description(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return route.withId(id);
    }

    boolean update(Route route) {
        return jdbc.sql("""
                update route set event_name = ?, conditions = cast(? as jsonb), targets = cast(? as jsonb), urgency = ?,
                    template = ?, description = ?, updated_at = ?
                where id = ?""")
                .params(route.event(), write(route.when()), write(route.agencies()), route.urgency().name(),
                        route.template(), route.description(), Timestamp.from(clock.instant()), route.id())
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from route where id = ?").param(id).update() == 1;
    }

    private Route route(ResultSet rs, int row) throws SQLException {
        return new Route(rs.getLong("id"), rs.getString("event_name"), read(rs.getString("conditions"), CONDITIONS),
                read(rs.getString("targets"), TARGETS), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("template"), rs.getString("description"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A route column does not hold the expected JSON: " + value, e);
        }
    }
}
