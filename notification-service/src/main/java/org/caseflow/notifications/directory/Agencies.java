package org.caseflow.notifications.directory;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agency directory in PostgreSQL. */
@Repository
public class Agencies {

    private static final String COLUMNS = """
            id, name, language, email, phone, sms_number, webhook_url, webhook_secret, channels,
            on_call_always, on_call_days, on_call_from, on_call_to, notes""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Agencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Agency> all() {
        return jdbc.sql("select " + COLUMNS + " from agency order by id").query(Agencies::agency).list();
    }

    public Optional<Agency> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from agency where id = ?").param(id).query(Agencies::agency).optional();
    }

    /** @return false when an agency with the id exists */
    boolean insert(Agency agency) {
        return jdbc.sql("""
                insert into agency (id, name, language, email, phone, sms_number, webhook_url, webhook_secret, channels,
                                    on_call_always, on_call_days, on_call_from, on_call_to, notes, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(agency.id(), agency.name(), agency.language().code(), agency.email(), agency.phone(),
                        agency.smsNumber(), agency.webhookUrl() == null ? null : agency.webhookUrl().toString(),
                        agency.webhookSecret(), names(agency.channels()), agency.onCall().always(),
                        names(agency.onCall().days()), time(agency.onCall().from()), time(agency.onCall().to()),
                        agency.notes(), Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** @return false when no agency has the id */
    boolean update(Agency agency) {
        return jdbc.sql("""
                update agency set name = ?, language = ?, email = ?, phone = ?, sms_number = ?, webhook_url = ?,
                    webhook_secret = ?, channels = ?, on_call_always = ?, on_call_days = ?, on_call_from = ?,
                    on_call_to = ?, notes = ?, updated_at = ?
                where id = ?""")
                .params(agency.name(), agency.language().code(), agency.email(), agency.phone(), agency.smsNumber(),
                        agency.webhookUrl() == null ? null : agency.webhookUrl().toString(), agency.webhookSecret(),
                        names(agency.channels()), agency.onCall().always(), names(agency.onCall().days()),
                        time(agency.onCall().from()), time(agency.onCall().to()), agency.notes(),
                        Timestamp.from(clock.instant()), agency.id())
                .update() == 1;
    }

    private static Agency agency(ResultSet rs, int row) throws SQLException {
        boolean always = rs.getBoolean("on_call_always");
        OnCallHours onCall = always ? OnCallHours.ALWAYS
                : OnCallHours.on(enums(rs.getString("on_call_days"), DayOfWeek.class),
                        rs.getTime("on_call_from").toLocalTime(), rs.getTime("on_call_to").toLocalTime());
        String webhookUrl = rs.getString("webhook_url");
        return new Agency(rs.getString("id"), rs.getString("name"), Language.ofCode(rs.getString("language")),
                rs.getString("email"), rs.getString("phone"), rs.getString("sms_number"),
                webhookUrl == null ? null : URI.create(webhookUrl), rs.getString("webhook_secret"),
                enums(rs.getString("channels"), Channel.class), onCall, rs.getString("notes"));
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String names, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .forEach(n -> set.add(Enum.valueOf(type, n)));
        return set;
    }

    private static Time time(java.time.LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }
}
