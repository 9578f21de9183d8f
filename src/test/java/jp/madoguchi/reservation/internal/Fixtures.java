package jp.madoguchi.reservation.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Test data for the reservation tests: own services in the demo municipality, open days found with the kit. */
final class Fixtures {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();

    private Fixtures() {
    }

    /** The first weekday office day at least {@code daysAhead} days after today (JST) that is not a demo special day. */
    static LocalDate openDay(Clock clock, int daysAhead) {
        OfficeCalendar calendar = OfficeCalendar.standard();
        LocalDate d = LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).plusDays(daysAhead);
        while (!calendar.isOfficeDay(d) || d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The next Sunday at least {@code daysAhead} days ahead. */
    static LocalDate sunday(Clock clock, int daysAhead) {
        LocalDate d = LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).plusDays(daysAhead);
        while (d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(SlotCalendar.JAPAN).toInstant();
    }

    /**
     * Creates (or resets the capacity of) a test service {@code code} in the demo municipality: 30 minutes per slot,
     * served by its own counter {@code test-CODE} (so calls in one test never take another test's tickets), with
     * {@code capacity} places.
     */
    static void service(TransactionTemplate tx, JdbcClient jdbc, String code, String prefix, int capacity) {
        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into reservation_service (municipality_code, code, name, duration_minutes, slot_capacity,
                        what_to_bring, ticket_prefix, sort_order) values (:m, :c, :n, 30, :cap, '本人確認書類', :p, 900)
                    on conflict (municipality_code, code) do update set slot_capacity = excluded.slot_capacity""")
                    .param("m", DEMO).param("c", code).param("n", "試験用 " + code).param("cap", capacity)
                    .param("p", prefix).update();
            jdbc.sql("""
                    insert into reservation_counter (municipality_code, code, name) values (:m, :c, :n)
                    on conflict do nothing""").param("m", DEMO).param("c", "test-" + code).param("n", "試験窓口 " + code)
                    .update();
            jdbc.sql("""
                    insert into reservation_service_counter (municipality_code, service_code, counter_code)
                    values (:m, :c, :counter) on conflict do nothing""").param("m", DEMO).param("c", code)
                    .param("counter", "test-" + code).update();
        }));
        SettingsCache.invalidate(); // the settings tables were written directly
    }

    /**
     * A booking of {@code service} at {@code at} in state {@code state}, written directly with its slot row (a
     * confirmed one takes a seat of 5), so that bookings in the past, later today or on another day can be made
     * whatever the calendar says; returns the secret of its link.
     */
    static String booking(TransactionTemplate tx, JdbcClient jdbc, String service, Instant at, String state) {
        String token = Secrets.newToken();
        java.time.OffsetDateTime when = java.time.OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN);
        int seat = "CONFIRMED".equals(state) ? 1 : 0;
        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("""
                    insert into reservation_slot (municipality_code, service_code, starts_at, capacity, booked)
                    values (:m, :s, :at, 5, :seat) on conflict (municipality_code, service_code, starts_at)
                    do update set booked = reservation_slot.booked + :seat""")
                    .param("m", DEMO).param("s", service).param("at", when).param("seat", seat).update();
            jdbc.sql("""
                    insert into reservation_booking (municipality_code, reservation_number, service_code, starts_at,
                        state, visitor_name, contact_kind, contact, contact_key, manage_token_hash, checkin_token_hash)
                    values (:m, :n, :s, :at, :state, '受付 太郎', 'EMAIL', 'checkin@example.jp',
                        'checkin@example.jp', :mh, :ch)""")
                    .param("m", DEMO).param("n", Secrets.newReservationNumber()).param("s", service)
                    .param("at", when).param("state", state).param("mh", Secrets.hash(token))
                    .param("ch", Secrets.hash(Secrets.checkInToken(token))).update();
        }));
        return token;
    }

    static List<java.util.Map<String, Object>> rows(TransactionTemplate tx, JdbcClient jdbc, String sql,
            java.util.Map<String, Object> params) {
        return TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql(sql).params(params).query().listOfRows()));
    }
}
