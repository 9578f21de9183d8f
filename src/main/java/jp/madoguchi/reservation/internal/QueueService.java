package jp.madoguchi.reservation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.reservation.ReservationException;
import jp.madoguchi.reservation.TicketState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 発券・呼出 — numbered tickets per service and day, checked-in reservations, calling at a counter. Every change goes
 * through {@link #transition} (the ticket state machine) and appends an audit event; the ticket row's timestamps
 * are the facts for the dashboards (view {@code queue_ticket_hourly}).
 */
@Service
class QueueService {

    static final String SUBJECT = "queue_ticket";

    private final JdbcClient jdbc;
    private final SettingsRepository settings;
    private final BookingService bookings;
    private final CallBroadcaster broadcaster;
    private final AuditTrail audit;
    private final Clock clock;

    QueueService(JdbcClient jdbc, SettingsRepository settings, BookingService bookings, CallBroadcaster broadcaster,
            AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.bookings = bookings;
        this.broadcaster = broadcaster;
        this.audit = audit;
        this.clock = clock;
    }

    /** A ticket as the machine, the staff and the display show it. */
    record Ticket(long id, String displayNumber, String serviceCode, String serviceName, TicketState state,
            boolean reserved, String counterCode, String counterName, OffsetDateTime issuedAt,
            OffsetDateTime calledAt) {
    }

    /** A newly issued ticket with the people ahead and the estimated wait in minutes. */
    record Issued(Ticket ticket, int ahead, int estimatedWaitMinutes) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(SlotCalendar.JAPAN));
    }

    /** 発券 — a walk-in ticket for {@code serviceCode}. */
    @Transactional
    public Issued issue(String serviceCode) {
        Settings.Service service = settings.service(serviceCode == null ? "" : serviceCode)
                .filter(Settings.Service::active)
                .orElseThrow(() -> new ReservationException("service", "その用件の整理券は発行していません。"));
        return issue(service, null, Channel.KIOSK);
    }

    /** 予約の受付 — checks in the reservation whose QR code the scanner typed, and issues its ticket. */
    @Transactional
    public Issued checkIn(String qrText) {
        BookingService.Row booking = bookings.checkInTarget(qrText);
        Settings.Service service = settings.service(booking.serviceCode()).orElseThrow();
        bookings.markCheckedIn(booking);
        return issue(service, booking.id(), Channel.KIOSK);
    }

    private Issued issue(Settings.Service service, UUID bookingId, Channel channel) {
        LocalDate day = today();
        String m = TenantContext.require();
        int number;
        try {
            number = jdbc.sql("""
                    insert into queue_ticket_sequence (municipality_code, day, service_code, last_number)
                    values (:m, :d, :s, 1)
                    on conflict (municipality_code, day, service_code)
                        do update set last_number = queue_ticket_sequence.last_number + 1
                    returning last_number""")
                    .param("m", m).param("d", day).param("s", service.code()).query(Integer.class).single();
        } catch (DataIntegrityViolationException e) {
            throw new ReservationException("service", "「" + service.name() + "」の本日の整理券は999番で終了しました。職員にお声がけください。");
        }
        String display = service.ticketPrefix() + "-" + String.format("%03d", number);
        long id = jdbc.sql("""
                insert into queue_ticket (municipality_code, day, service_code, number, display_number, state,
                    booking_id, issued_at) values (:m, :d, :s, :n, :dn, 'WAITING', :b, :now) returning id""")
                .param("m", m).param("d", day).param("s", service.code()).param("n", number).param("dn", display)
                .param("b", bookingId).param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        int ahead = jdbc.sql("""
                select count(*) from queue_ticket where day = :d and service_code = :s and state = 'WAITING'
                and id < :id""").param("d", day).param("s", service.code()).param("id", id)
                .query(Integer.class).single();
        int counters = Math.max(1, (int) service.counterCodes().stream().count());
        int wait = (int) Math.ceil((double) ahead * service.durationMinutes() / counters);
        audit.record(new AuditEvent("ticket.issued", AuditEvent.Actor.system("kiosk"), channel, SUBJECT,
                Long.toString(id), null, "/kiosk", Map.of("service", service.code(), "number", display,
                "reserved", bookingId != null)));
        return new Issued(ticket(id).orElseThrow(), ahead, wait);
    }

    Optional<Ticket> ticket(long id) {
        return jdbc.sql(TICKET_SELECT + " where t.id = :id").param("id", id).query(QueueService::ticket).optional();
    }

    private static final String TICKET_SELECT = """
            select t.*, s.name as service_name, c.name as counter_name from queue_ticket t
            join reservation_service s on s.municipality_code = t.municipality_code and s.code = t.service_code
            left join reservation_counter c on c.municipality_code = t.municipality_code and c.code = t.counter_code""";

    private static Ticket ticket(ResultSet rs, int i) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("display_number"), rs.getString("service_code"),
                rs.getString("service_name"), TicketState.valueOf(rs.getString("state")),
                rs.getObject("booking_id") != null, rs.getString("counter_code"), rs.getString("counter_name"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("called_at", OffsetDateTime.class));
    }

    /** Today's tickets that are waiting or being called, oldest first. */
    @Transactional(readOnly = true)
    public List<Ticket> open() {
        return jdbc.sql(TICKET_SELECT + " where t.day = :d and t.state in ('WAITING', 'CALLED') order by t.id")
                .param("d", today()).query(QueueService::ticket).list();
    }

    /** The latest calls of today, newest first, for the display. */
    @Transactional(readOnly = true)
    public List<Ticket> recentCalls(int limit) {
        return jdbc.sql(TICKET_SELECT + " where t.day = :d and t.called_at is not null and t.state = 'CALLED'"
                        + " order by t.called_at desc limit :l")
                .param("d", today()).param("l", limit).query(QueueService::ticket).list();
    }

    /**
     * 呼出 — the next waiting ticket of a service that {@code counterCode} serves: checked-in reservations first,
     * then by issue order. {@code SKIP LOCKED} lets two counters call at once without taking the same ticket.
     */
    @Transactional
    public Optional<Ticket> callNext(String counterCode, AuditEvent.Actor staff) {
        Settings.Counter counter = settings.counters().stream().filter(c -> c.code().equals(counterCode)
                && c.active()).findFirst()
                .orElseThrow(() -> new ReservationException("counter", "窓口を選んでください。"));
        Optional<Long> next = jdbc.sql("""
                select t.id from queue_ticket t
                join reservation_service_counter sc on sc.municipality_code = t.municipality_code
                    and sc.service_code = t.service_code and sc.counter_code = :c
                where t.day = :d and t.state = 'WAITING'
                order by (t.booking_id is null), t.id limit 1 for update of t skip locked""")
                .param("c", counter.code()).param("d", today()).query(Long.class).optional();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Ticket t = ticket(next.get()).orElseThrow();
        transition(t, TicketState.CALLED, staff, counter.code());
        Ticket called = ticket(t.id()).orElseThrow();
        broadcaster.announce(TenantContext.require(),
                new CallBroadcaster.Call(called.displayNumber(), counter.name(), called.serviceName()));
        return Optional.of(called);
    }

    /** 対応済み or 不在, by staff. */
    @Transactional
    public Ticket finish(long ticketId, TicketState outcome, AuditEvent.Actor staff) {
        Ticket t = jdbc.sql(TICKET_SELECT + " where t.id = :id for update of t").param("id", ticketId)
                .query(QueueService::ticket).optional()
                .orElseThrow(() -> new ReservationException("ticket", "整理券が見つかりません。"));
        if (!t.state().canBecome(outcome)) {
            throw new ReservationException("ticket", "整理券 " + t.displayNumber() + " は「" + t.state().label()
                    + "」のため「" + outcome.label() + "」にできません。");
        }
        transition(t, outcome, staff, t.counterCode());
        return ticket(ticketId).orElseThrow();
    }

    /** Called tickets whose visitor did not come within {@code grace} become 不在 (scheduled job). */
    @Transactional
    public int markAbsent(Clock clock, Duration grace) {
        List<Ticket> late = jdbc.sql(TICKET_SELECT + " where t.state = 'CALLED' and t.called_at < :limit"
                        + " for update of t skip locked")
                .param("limit", OffsetDateTime.now(clock).minus(grace)).query(QueueService::ticket).list();
        late.forEach(t -> transition(t, TicketState.ABSENT, AuditEvent.Actor.system("grace-period"),
                t.counterCode()));
        return late.size();
    }

    private void transition(Ticket t, TicketState next, AuditEvent.Actor actor, String counterCode) {
        if (!t.state().canBecome(next)) {
            throw new IllegalStateException("ticket " + t.id() + ": " + t.state() + " -> " + next);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                update queue_ticket set state = :next, counter_code = :c,
                    called_at = case when :next = 'CALLED' then :now else called_at end,
                    finished_at = case when :next in ('DONE', 'ABSENT') then :now else finished_at end
                where id = :id and state = :from""")
                .param("next", next.name()).param("c", counterCode).param("now", now).param("id", t.id())
                .param("from", t.state().name()).update();
        if (updated != 1) {
            throw new IllegalStateException("ticket " + t.id() + " changed concurrently");
        }
        audit.record(new AuditEvent("ticket." + next.name().toLowerCase(java.util.Locale.ROOT), actor,
                actor.kind() == AuditEvent.Actor.Kind.STAFF ? Channel.COUNTER : Channel.SYSTEM, SUBJECT,
                Long.toString(t.id()), null, "/office/queue",
                Map.of("service", t.serviceCode(), "number", t.displayNumber(),
                        "counter", counterCode == null ? "" : counterCode)));
    }
}
