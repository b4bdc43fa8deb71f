package org.caseflow.notifications.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseflow.notifications.directory.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The inboxes in PostgreSQL. One notification per event and agency, whatever happens. */
@Repository
public class Notifications {

    private static final String COLUMNS = """
            id, agency, case_id, event_id, event_type, event_name, title, message, language, link, urgent, due_at,
            created_at, acknowledged_at, acknowledged_by""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the agency already has a notification for the event */
    public boolean add(Notification notification) {
        return jdbc.sql("""
                insert into notification (id, agency, case_id, event_id, event_type, event_name, title, message, language,
                                          link, urgent, due_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, agency) do nothing""")
                .params(notification.id(), notification.agency(), notification.caseId(), notification.eventId(),
                        notification.eventType(), notification.event(), notification.title(), notification.message(),
                        notification.language().code(), notification.link(), notification.urgent(),
                        timestamp(notification.dueAt()), timestamp(notification.createdAt()))
                .update() == 1;
    }

    public Optional<Notification> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id)
                .query(Notifications::notification).optional();
    }

    /** The agency's notifications: urgent ones first, then the newest. */
    public List<Notification> forAgency(String agency, boolean unreadOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notification where agency = ?"
                        + (unreadOnly ? " and acknowledged_at is null" : "")
                        + " order by urgent desc, created_at desc, id limit ?")
                .params(agency, limit)
                .query(Notifications::notification).list();
    }

    public UnreadCount unreadCount(String agency) {
        return jdbc.sql("""
                select count(*), count(*) filter (where urgent) from notification
                where agency = ? and acknowledged_at is null""")
                .param(agency)
                .query((rs, n) -> new UnreadCount(agency, rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * Marks the notification as seen. Acknowledging again changes nothing: the first time and person stay.
     *
     * @throws NotificationNotFound when no notification has the id
     */
    @Transactional
    public Notification acknowledge(UUID id, String by, Instant at) {
        jdbc.sql("update notification set acknowledged_at = ?, acknowledged_by = ? where id = ? and acknowledged_at is null")
                .params(Timestamp.from(at), by, id).update();
        return find(id).orElseThrow(() -> new NotificationNotFound(id));
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("agency"), rs.getString("case_id"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("event_name"), rs.getString("title"),
                rs.getString("message"), Language.ofCode(rs.getString("language")), rs.getString("link"),
                rs.getBoolean("urgent"), instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledged_by"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
