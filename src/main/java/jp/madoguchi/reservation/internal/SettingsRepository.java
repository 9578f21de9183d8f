package jp.madoguchi.reservation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes the reservation settings of the current tenant. Callers hold the transaction, except for
 * {@link #snapshot()}, which opens one (or joins the caller's) only when it has to read the tables. Every write
 * invalidates the {@link SettingsCache}.
 */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;
    private final SettingsCache cache;
    private final TransactionTemplate transactions;
    private final ProcedureLinks links;

    SettingsRepository(JdbcClient jdbc, SettingsCache cache, TransactionTemplate transactions, ProcedureLinks links) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.transactions = transactions;
        this.links = links;
    }

    /** The current tenant's settings for the booking path, cached (see {@link SettingsCache} for freshness). */
    SettingsCache.Snapshot snapshot() {
        return cache.get(() -> transactions.execute(s -> {
            List<Settings.Service> services = services();
            return new SettingsCache.Snapshot(services, openingHours(), specialDays(), campaigns(),
                    links.whatToBring(services));
        }));
    }

    /** What to bring for {@code service}: from the snapshot when it is there, else resolved now (caller's transaction). */
    WhatToBring whatToBring(Settings.Service service) {
        WhatToBring cached = snapshot().whatToBring().get(service.code());
        return cached != null ? cached : links.whatToBring(List.of(service)).get(service.code());
    }

    List<Settings.Counter> counters() {
        return jdbc.sql("select code, name, active from reservation_counter order by code")
                .query((rs, i) -> new Settings.Counter(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    List<Settings.Service> services() {
        return jdbc.sql(SERVICE_SELECT + " order by s.sort_order, s.code").query(SettingsRepository::service).list();
    }

    Optional<Settings.Service> service(String code) {
        return jdbc.sql(SERVICE_SELECT + " where s.code = :code").param("code", code)
                .query(SettingsRepository::service).optional();
    }

    private static final String SERVICE_SELECT = """
            select s.*, array(select counter_code from reservation_service_counter c
                              where c.municipality_code = s.municipality_code and c.service_code = s.code
                              order by counter_code) as counters,
                        array(select procedure_code from reservation_service_procedure p
                              where p.municipality_code = s.municipality_code and p.service_code = s.code
                              order by p.position, p.procedure_code) as procedures
            from reservation_service s""";

    private static Settings.Service service(ResultSet rs, int row) throws SQLException {
        Array counters = rs.getArray("counters");
        Array procedures = rs.getArray("procedures");
        return new Settings.Service(rs.getString("code"), rs.getString("name"), rs.getInt("duration_minutes"),
                rs.getInt("slot_capacity"), rs.getString("what_to_bring"),
                List.of((String[]) procedures.getArray()), rs.getString("ticket_prefix"), rs.getInt("sort_order"),
                rs.getBoolean("active"), List.of((String[]) counters.getArray()), rs.getInt("version"));
    }

    List<Settings.OpeningHours> openingHours() {
        return jdbc.sql("select day_of_week, opens, closes from reservation_opening_hours order by day_of_week")
                .query((rs, i) -> new Settings.OpeningHours(DayOfWeek.of(rs.getInt(1)),
                        rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))).list();
    }

    List<Settings.SpecialDay> specialDays() {
        return jdbc.sql("select day, kind, opens, closes, note from reservation_special_day order by day")
                .query((rs, i) -> new Settings.SpecialDay(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class), rs.getString(5)))
                .list();
    }

    List<Settings.Campaign> campaigns() {
        return jdbc.sql("""
                select id, service_code, name, starts_on, ends_on, extra_capacity from reservation_campaign
                order by starts_on, id""")
                .query((rs, i) -> new Settings.Campaign(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6)))
                .list();
    }

    void saveCounter(Settings.Counter c) {
        SettingsCache.invalidate();
        jdbc.sql("""
                insert into reservation_counter (municipality_code, code, name, active) values (:m, :code, :name, :a)
                on conflict (municipality_code, code) do update set name = excluded.name, active = excluded.active
                """).param("m", TenantContext.require()).param("code", c.code()).param("name", c.name())
                .param("a", c.active()).update();
    }

    /** Adds a new service (version 0); false when the code is already taken. */
    boolean insertService(Settings.Service s) {
        SettingsCache.invalidate();
        int added = jdbc.sql("""
                insert into reservation_service (municipality_code, code, name, duration_minutes, slot_capacity,
                    what_to_bring, ticket_prefix, sort_order, active)
                values (:m, :code, :name, :d, :cap, :bring, :prefix, :sort, :active)
                on conflict (municipality_code, code) do nothing""")
                .param("m", TenantContext.require()).param("code", s.code()).param("name", s.name())
                .param("d", s.durationMinutes()).param("cap", s.slotCapacity()).param("bring", s.whatToBring())
                .param("prefix", s.ticketPrefix()).param("sort", s.sortOrder()).param("active", s.active())
                .update();
        if (added == 1) {
            saveLinks(s);
        }
        return added == 1;
    }

    /**
     * Saves an edit of an existing service if it is still at {@code s.version()} (and moves it to the next version);
     * false when another save came first (or the service is gone) — nothing is written then.
     */
    boolean updateService(Settings.Service s) {
        SettingsCache.invalidate();
        int updated = jdbc.sql("""
                update reservation_service set name = :name, duration_minutes = :d, slot_capacity = :cap,
                    what_to_bring = :bring, ticket_prefix = :prefix, sort_order = :sort, active = :active,
                    version = version + 1
                where code = :code and version = :version""")
                .param("code", s.code()).param("name", s.name()).param("d", s.durationMinutes())
                .param("cap", s.slotCapacity()).param("bring", s.whatToBring()).param("prefix", s.ticketPrefix())
                .param("sort", s.sortOrder()).param("active", s.active()).param("version", s.version()).update();
        if (updated == 1) {
            saveLinks(s);
        }
        return updated == 1;
    }

    /** The service's counters and catalog procedures, replaced by those of {@code s}. */
    private void saveLinks(Settings.Service s) {
        String m = TenantContext.require();
        jdbc.sql("delete from reservation_service_counter where service_code = :s").param("s", s.code()).update();
        for (String counter : s.counterCodes()) {
            jdbc.sql("""
                    insert into reservation_service_counter (municipality_code, service_code, counter_code)
                    values (:m, :s, :c)""").param("m", m).param("s", s.code()).param("c", counter).update();
        }
        jdbc.sql("delete from reservation_service_procedure where service_code = :s").param("s", s.code()).update();
        int position = 0;
        for (String procedure : s.procedureCodes()) {
            jdbc.sql("""
                    insert into reservation_service_procedure (municipality_code, service_code, procedure_code,
                        position) values (:m, :s, :p, :pos)""")
                    .param("m", m).param("s", s.code()).param("p", procedure).param("pos", position++).update();
        }
    }

    void saveOpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        SettingsCache.invalidate();
        if (opens == null) {
            jdbc.sql("delete from reservation_opening_hours where day_of_week = :d").param("d", day.getValue())
                    .update();
            return;
        }
        jdbc.sql("""
                insert into reservation_opening_hours (municipality_code, day_of_week, opens, closes)
                values (:m, :d, :o, :c)
                on conflict (municipality_code, day_of_week) do update set opens = excluded.opens,
                    closes = excluded.closes""")
                .param("m", TenantContext.require()).param("d", day.getValue()).param("o", opens)
                .param("c", closes).update();
    }

    void saveSpecialDay(Settings.SpecialDay d) {
        SettingsCache.invalidate();
        jdbc.sql("""
                insert into reservation_special_day (municipality_code, day, kind, opens, closes, note)
                values (:m, :day, :kind, :o, :c, :note)
                on conflict (municipality_code, day) do update set kind = excluded.kind, opens = excluded.opens,
                    closes = excluded.closes, note = excluded.note""")
                .param("m", TenantContext.require()).param("day", d.day()).param("kind", d.kind())
                .param("o", d.opens()).param("c", d.closes()).param("note", d.note()).update();
    }

    boolean deleteSpecialDay(LocalDate day) {
        SettingsCache.invalidate();
        return jdbc.sql("delete from reservation_special_day where day = :d").param("d", day).update() > 0;
    }

    void addCampaign(Settings.Campaign c) {
        SettingsCache.invalidate();
        jdbc.sql("""
                insert into reservation_campaign (municipality_code, service_code, name, starts_on, ends_on,
                    extra_capacity) values (:m, :s, :n, :from, :to, :extra)""")
                .param("m", TenantContext.require()).param("s", c.serviceCode()).param("n", c.name())
                .param("from", c.startsOn()).param("to", c.endsOn()).param("extra", c.extraCapacity()).update();
    }

    boolean deleteCampaign(long id) {
        SettingsCache.invalidate();
        return jdbc.sql("delete from reservation_campaign where id = :id").param("id", id).update() > 0;
    }
}
