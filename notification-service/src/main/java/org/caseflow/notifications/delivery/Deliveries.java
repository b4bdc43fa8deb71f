package org.caseflow.notifications.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deliveries and their tries in PostgreSQL. A delivery is unique per notification and channel, and a
 * notification per event and agency: however often an event arrives, each agency gets it once per channel.
 */
@Repository
public class Deliveries {

    private static final String COLUMNS = """
            d.id, d.notification_id, d.agency, d.channel, d.status, d.attempts, d.next_attempt_at, d.last_error,
            d.created_at, d.updated_at""";

    private final JdbcClient jdbc;
    private final DeliveryEvents events;

    Deliveries(JdbcClient jdbc, DeliveryEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records the notification's deliveries, in the transaction that added it to the inbox: the inbox one
     * as sent, one pending per further channel. Does nothing for channels that have one already.
     */
    public void schedule(Notification notification, Set<Channel> channels, Instant now) {
        UUID inbox = UUID.randomUUID();
        if (insert(inbox, notification, Channel.INBOX, DeliveryStatus.SENT, 1, null, now)) {
            jdbc.sql("""
                    insert into delivery_attempt (delivery_id, attempt, started_at, finished_at, outcome)
                    values (?, 1, ?, ?, 'SENT')""")
                    .params(inbox, Timestamp.from(now), Timestamp.from(now)).update();
        }
        for (Channel channel : channels) {
            if (channel != Channel.INBOX) {
                insert(UUID.randomUUID(), notification, channel, DeliveryStatus.PENDING, 0, now, now);
            }
        }
    }

    private boolean insert(UUID id, Notification notification, Channel channel, DeliveryStatus status, int attempts,
                           Instant nextAttemptAt, Instant now) {
        boolean inserted = jdbc.sql("""
                insert into delivery (id, notification_id, agency, channel, status, attempts, next_attempt_at,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (notification_id, channel) do nothing""")
                .params(id, notification.id(), notification.agency(), channel.name(), status.name(), attempts,
                        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), Timestamp.from(now),
                        Timestamp.from(now))
                .update() == 1;
        if (inserted) {
            events.changed(id, notification.id(), notification.caseId(), notification.agency(), channel.name(), status,
                    attempts, notification.event(), notification.urgent());
        }
        return inserted;
    }

    /**
     * Claims the channel's delivery that has been due longest, for one try: counts the try, starts its
     * history row, and leases the row until leaseUntil (its next_attempt_at), after which another worker
     * may take it if this one never reported. Rows locked by another worker are skipped.
     * Call in a transaction of its own, committed before sending.
     */
    Optional<ClaimedDelivery> claimNextDue(Channel channel, Instant now, Instant leaseUntil) {
        Optional<ClaimedDelivery> claimed = jdbc.sql("""
                update delivery d set attempts = d.attempts + 1, next_attempt_at = ?, updated_at = ?
                where d.id = (select id from delivery
                              where channel = ? and status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                              order by next_attempt_at limit 1
                              for update skip locked)
                returning d.id, d.notification_id, d.agency, d.attempts""")
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), channel.name(), Timestamp.from(now))
                .query((rs, n) -> new ClaimedDelivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), channel, rs.getInt(4)))
                .optional();
        claimed.ifPresent(c -> jdbc.sql("insert into delivery_attempt (delivery_id, attempt, started_at) values (?, ?, ?)")
                .params(c.id(), c.attempt(), Timestamp.from(now)).update());
        return claimed;
    }

    /**
     * Records how a claimed try ended. Does nothing when the row has been claimed again since (this
     * worker outlived its lease), so a late report cannot overwrite a newer try.
     *
     * @return false when the row had been claimed again
     */
    boolean record(ClaimedDelivery claimed, DeliveryStatus status, AttemptOutcome outcome, String error,
                Instant nextAttemptAt, Instant now) {
        String shortError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        int updated = jdbc.sql("""
                update delivery set status = ?, next_attempt_at = ?, last_error = ?, updated_at = ?
                where id = ? and attempts = ?""")
                .params(status.name(), nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), shortError,
                        Timestamp.from(now), claimed.id(), claimed.attempt())
                .update();
        jdbc.sql("update delivery_attempt set finished_at = ?, outcome = ?, error = ? where delivery_id = ? and attempt = ?")
                .params(Timestamp.from(now), outcome.name(), shortError, claimed.id(), claimed.attempt())
                .update();
        if (updated == 1) {
            About about = jdbc.sql("select case_id, event_name, urgent from notification where id = ?")
                    .param(claimed.notificationId())
                    .query((rs, n) -> new About(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                    .single();
            events.changed(claimed.id(), claimed.notificationId(), about.caseId(), claimed.agency(), claimed.channel().name(),
                    status, claimed.attempt(), about.event(), about.urgent());
        }
        return updated == 1;
    }

    /** The case and the event a delivery's notification is about. */
    private record About(String caseId, String event, boolean urgent) {
    }

    /** The notification's deliveries, with their tries. */
    public List<Delivery> forNotification(UUID notificationId) {
        return withHistory(jdbc.sql("select " + COLUMNS + " from delivery d where d.notification_id = ? order by d.channel")
                .param(notificationId).query(Deliveries::delivery).list());
    }

    /** Deliveries in a status (all when null), of an agency (all when null), most recently changed first. */
    public List<Delivery> find(DeliveryStatus status, String agency, int limit) {
        return withHistory(jdbc.sql("select " + COLUMNS + " from delivery d where (cast(? as varchar) is null or d.status = ?)"
                        + " and (cast(? as varchar) is null or d.agency = ?) order by d.updated_at desc, d.id limit ?")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), agency, agency, limit)
                .query(Deliveries::delivery).list());
    }

    private List<Delivery> withHistory(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<DeliveryAttempt>> history = new LinkedHashMap<>();
        deliveries.forEach(d -> history.put(d.id(), new ArrayList<>()));
        jdbc.sql("select delivery_id, attempt, started_at, finished_at, outcome, error from delivery_attempt"
                        + " where delivery_id = any(?) order by delivery_id, attempt")
                .param(history.keySet().toArray(new UUID[0]))
                .query((rs, n) -> {
                    history.get(rs.getObject(1, UUID.class)).add(new DeliveryAttempt(rs.getInt(2), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4)), rs.getString(5) == null ? null : AttemptOutcome.valueOf(rs.getString(5)),
                            rs.getString(6)));
                    return null;
                })
                .list();
        return deliveries.stream().map(d -> new Delivery(d.id(), d.notificationId(), d.agency(), d.channel(), d.status(),
                d.attempts(), d.nextAttemptAt(), d.lastError(), d.createdAt(), d.updatedAt(), List.copyOf(history.get(d.id()))))
                .toList();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getString("agency"), Channel.valueOf(rs.getString("channel")),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
