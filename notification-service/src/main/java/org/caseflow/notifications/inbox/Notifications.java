package org.caseflow.notifications.inbox;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications in PostgreSQL. One per event and agency, whatever happens. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the agency already has a notification for the event */
    boolean add(Notification notification) {
        return jdbc.sql("""
                insert into notification (id, agency, case_id, event_id, event_type, message, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id, agency) do nothing""")
                .params(notification.id(), notification.agency(), notification.caseId(), notification.eventId(),
                        notification.eventType(), notification.message(), Timestamp.from(notification.createdAt()))
                .update() == 1;
    }

    /** The agency's notifications, newest first. */
    public List<Notification> forAgency(String agency, int limit) {
        return jdbc.sql("""
                select id, agency, case_id, event_id, event_type, message, created_at
                from notification where agency = ? order by created_at desc, id limit ?""")
                .params(agency, limit)
                .query((rs, n) -> new Notification(rs.getObject(1, java.util.UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }
}
