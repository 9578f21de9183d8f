package jp.madoguchi.reservation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.notification.OutgoingMessage;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.reservation.BookingState;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 来庁予約 — books, shows, changes and cancels visits. Every method is one transaction in the current tenant.
 *
 * <p><b>Capacity.</b> {@link #takeSeat} (inside {@link #takeSeatAndInsert} when booking) is one statement: it creates the slot row or increments its {@code booked}
 * only {@code WHERE booked < capacity}. PostgreSQL locks the row for the update, and a concurrent booking waits and
 * re-checks the condition against the committed count, so no interleaving can overbook; the table's
 * {@code CHECK (booked <= capacity)} refuses any other write that would. The booking row and its confirmation in
 * the notification outbox are written in the same transaction, so a confirmation exists only for a committed
 * booking.
 */
@Service
class BookingService {

    static final String SUBJECT = "reservation_booking";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy年M月d日（E） H:mm", Locale.JAPANESE);
    private static final AuditEvent.Actor RESIDENT = new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, null);

    private final JdbcClient jdbc;
    private final SettingsRepository settings;
    private final SlotCalendar calendar;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxActivePerContact;
    private final int maxDaysAhead;
    private final String portalBaseUrl;

    BookingService(JdbcClient jdbc, SettingsRepository settings, SlotCalendar calendar, Notifications notifications,
            AuditTrail audit, Clock clock,
            @Value("${madoguchi.reservation.max-active-per-contact:3}") int maxActivePerContact,
            @Value("${madoguchi.reservation.max-days-ahead:60}") int maxDaysAhead,
            @Value("${madoguchi.portal.base-url:http://localhost:8080}") String portalBaseUrl) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.calendar = calendar;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.maxActivePerContact = maxActivePerContact;
        this.maxDaysAhead = maxDaysAhead;
        this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
    }

    int maxDaysAhead() {
        return maxDaysAhead;
    }

    /** A slot start as residents read it: 2026年4月1日（水） 9:30 (JST). */
    static String when(Instant at) {
        return WHEN.format(at.atZone(SlotCalendar.JAPAN));
    }

    /** A new booking: its number and the secret of its change/cancel link (shown once, never stored). */
    record Booked(UUID id, String reservationNumber, String manageToken) {
    }

    /** A booking as the resident sees it through the link. */
    record BookingView(UUID id, String reservationNumber, Settings.Service service, Instant startsAt,
            BookingState state, String visitorName, ContactChannel contactKind, String contact, boolean changeable,
            WhatToBring bring) {
        public String when() {
            return BookingService.when(startsAt);
        }
    }

    /** What the visitor typed, validated. */
    record Visitor(String name, ContactChannel kind, String contact, String contactKey) {

        static Visitor of(String name, String kind, String contact) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                throw new ReservationException("name", "お名前を入力してください。");
            }
            if (n.length() > 60) {
                throw new ReservationException("name", "お名前は60文字以内で入力してください。");
            }
            ContactChannel channel;
            try {
                channel = ContactChannel.valueOf(kind == null ? "" : kind);
            } catch (IllegalArgumentException e) {
                throw new ReservationException("contactKind", "連絡方法（メールまたはSMS）を選んでください。");
            }
            String c = contact == null ? "" : contact.strip();
            if (channel == ContactChannel.EMAIL) {
                if (c.length() > 254 || !c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new ReservationException("contact",
                            "メールアドレスの形式が正しくありません（例: taro@example.jp）。");
                }
                return new Visitor(n, channel, c, c.toLowerCase(Locale.ROOT));
            }
            String digits = c.replaceAll("[-\\s()]", "");
            if (!digits.matches("0[789]0[0-9]{8}")) {
                throw new ReservationException("contact",
                        "SMSを受け取る携帯電話番号は 070・080・090 で始まる11けたで入力してください（例: 090-1234-5678）。");
            }
            return new Visitor(n, channel, digits, digits);
        }
    }

    @Transactional
    public Booked book(String serviceCode, Instant at, Visitor visitor) {
        Settings.Service service = bookableService(serviceCode);
        Instant now = clock.instant();
        int capacity = calendar.capacityOfSlot(service, at, now, maxDaysAhead);
        String m = TenantContext.require();
        // Serialises bookings of one contact (in the database, so it holds across processes) before counting.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 7))")
                .param("k", m + ":" + visitor.contactKey()).query((rs, i) -> 1).list();
        long active = jdbc.sql("""
                select count(*) from reservation_booking
                where contact_key = :k and state = 'CONFIRMED' and starts_at > :now""")
                .param("k", visitor.contactKey()).param("now", OffsetDateTime.ofInstant(now, SlotCalendar.JAPAN))
                .query(Long.class).single();
        if (active >= maxActivePerContact) {
            throw new ReservationException("contact", "同じ連絡先で予約できるのは" + maxActivePerContact
                    + "件までです。不要な予約を取り消してから、もう一度お試しください。");
        }
        Booked booked = takeSeatAndInsert(service, at, capacity, visitor);
        notifications.enqueue(message(visitor.kind(), visitor.contact(), booked,
                "【予約完了】" + service.name(), visitor.name() + " 様\n\n来庁予約を受け付けました。\n\n"
                        + details(booked.reservationNumber(), service, at)
                        + "\n変更・取消はこちら（このリンクは他の人に知らせないでください）:\n"
                        + portalBaseUrl + "/reservations/manage/" + booked.manageToken() + "\n\n"
                        + "当日は、上のリンクで表示されるQRコードを受付の読取機にかざしてください。\n"));
        audit.record(new AuditEvent("reservation.booked", RESIDENT, Channel.ONLINE, SUBJECT,
                booked.reservationNumber(), null, "/reservations",
                Map.of("service", service.code(), "startsAt", at.toString())));
        return booked;
    }

    /** Changes the time of the booking behind {@code manageToken}: a new booking with a new link replaces it. */
    @Transactional
    public Booked change(String manageToken, Instant at) {
        Row old = lockedActive(manageToken);
        Settings.Service service = bookableService(old.serviceCode());
        if (old.startsAt().equals(at)) {
            throw new ReservationException("at", "今の予約と同じ日時です。別の予約枠を選んでください。");
        }
        int capacity = calendar.capacityOfSlot(service, at, clock.instant(), maxDaysAhead);
        takeSeat(service, at, capacity);
        releaseSeat(old.serviceCode(), old.startsAt());
        Visitor visitor = new Visitor(old.visitorName(), old.contactKind(), old.contact(), old.contactKey());
        Booked booked = insert(service, at, visitor);
        transition(old, BookingState.CHANGED);
        jdbc.sql("update reservation_booking set replaced_by = :n where id = :id")
                .param("n", booked.id()).param("id", old.id()).update();
        notifications.enqueue(message(visitor.kind(), visitor.contact(), booked,
                "【予約変更】" + service.name(), visitor.name() + " 様\n\n来庁予約の日時を変更しました。"
                        + "以前の予約番号 " + old.reservationNumber() + " とそのリンクは使えなくなりました。\n\n"
                        + details(booked.reservationNumber(), service, at)
                        + "\n変更・取消はこちら:\n" + portalBaseUrl + "/reservations/manage/" + booked.manageToken()
                        + "\n"));
        audit.record(new AuditEvent("reservation.changed", RESIDENT, Channel.ONLINE, SUBJECT,
                booked.reservationNumber(), null, "/reservations/manage",
                Map.of("replaces", old.reservationNumber(), "startsAt", at.toString())));
        return booked;
    }

    @Transactional
    public String cancel(String manageToken) {
        Row old = lockedActive(manageToken);
        Settings.Service service = settings.service(old.serviceCode()).orElseThrow();
        releaseSeat(old.serviceCode(), old.startsAt());
        transition(old, BookingState.CANCELLED);
        notifications.enqueue(new OutgoingMessage(old.contactKind(), old.contact(), "【予約取消】" + service.name(),
                old.visitorName() + " 様\n\n次の来庁予約を取り消しました。\n\n"
                        + details(old.reservationNumber(), service, old.startsAt()), SUBJECT, old.id().toString()));
        audit.record(new AuditEvent("reservation.cancelled", RESIDENT, Channel.ONLINE, SUBJECT,
                old.reservationNumber(), null, "/reservations/manage", Map.of("service", old.serviceCode())));
        return old.reservationNumber();
    }

    /** The booking behind a link, or a Japanese explanation of why the link does not work (any more). */
    @Transactional(readOnly = true)
    public BookingView view(String manageToken) {
        Row row = find(manageToken).orElseThrow(BookingService::unknownLink);
        Settings.Service service = settings.snapshot().service(row.serviceCode())
                .or(() -> settings.service(row.serviceCode())).orElseThrow();
        explainIfUnusable(row);
        boolean changeable = row.state() == BookingState.CONFIRMED && row.startsAt().isAfter(clock.instant());
        return new BookingView(row.id(), row.reservationNumber(), service, row.startsAt(), row.state(),
                row.visitorName(), row.contactKind(), row.contact(), changeable, settings.whatToBring(service));
    }

    /** The QR payload for check-in; derived from the link token, so the link is enough to show it again. */
    static String qrPayload(String manageToken) {
        return Secrets.QR_PREFIX + Secrets.checkInToken(manageToken);
    }

    /**
     * 前日のお知らせ — queues a reminder for every confirmed booking on the day after {@code clock}'s date (JST) not
     * yet reminded. Idempotent: {@code reminded_at} is set in the same transaction.
     */
    @Transactional
    public int sendReminders(Clock clock) {
        LocalDate tomorrow = LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).plusDays(1);
        var due = jdbc.sql("""
                select * from reservation_booking where state = 'CONFIRMED' and reminded_at is null
                and starts_at >= :from and starts_at < :to for update skip locked""")
                .param("from", tomorrow.atStartOfDay(SlotCalendar.JAPAN).toOffsetDateTime())
                .param("to", tomorrow.plusDays(1).atStartOfDay(SlotCalendar.JAPAN).toOffsetDateTime())
                .query(BookingService::row).list();
        for (Row r : due) {
            Settings.Service service = settings.service(r.serviceCode()).orElseThrow();
            notifications.enqueue(new OutgoingMessage(r.contactKind(), r.contact(), "【明日のご予約】" + service.name(),
                    r.visitorName() + " 様\n\n明日は来庁のご予約の日です。\n\n"
                            + details(r.reservationNumber(), service, r.startsAt())
                            + "\n変更・取消は、予約完了のメールにあるリンクからできます。\n", SUBJECT, r.id().toString()));
            jdbc.sql("update reservation_booking set reminded_at = :now where id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("id", r.id()).update();
        }
        if (!due.isEmpty()) {
            audit.record(new AuditEvent("reservation.reminders_queued", AuditEvent.Actor.system("reminders"),
                    Channel.SYSTEM, null, null, null, "ReservationJobs", Map.of("count", due.size(),
                    "day", tomorrow.toString())));
        }
        return due.size();
    }

    /** 来庁なし — confirmed bookings whose slot began more than {@code grace} before {@code clock}'s now. */
    @Transactional
    public int markNoShows(Clock clock, java.time.Duration grace) {
        var late = jdbc.sql("""
                select * from reservation_booking where state = 'CONFIRMED' and starts_at < :limit
                for update skip locked""")
                .param("limit", OffsetDateTime.ofInstant(clock.instant().minus(grace), SlotCalendar.JAPAN))
                .query(BookingService::row).list();
        for (Row r : late) {
            transition(r, BookingState.NO_SHOW);
            audit.record(new AuditEvent("reservation.no_show", AuditEvent.Actor.system("no-shows"), Channel.SYSTEM,
                    SUBJECT, r.reservationNumber(), null, "ReservationJobs",
                    Map.of("service", r.serviceCode(), "startsAt", r.startsAt().toString())));
        }
        return late.size();
    }

    /** For check-in: the confirmed booking whose QR payload is {@code qrText}. */
    Row checkInTarget(String qrText) {
        String text = qrText == null ? "" : qrText.strip();
        if (!text.startsWith(Secrets.QR_PREFIX) || !Secrets.wellFormed(text.substring(Secrets.QR_PREFIX.length()))) {
            throw new ReservationException("qr", "QRコードを読み取れませんでした。予約確認画面のQRコードをもう一度かざしてください。");
        }
        Row row = jdbc.sql("select * from reservation_booking where checkin_token_hash = :h for update")
                .param("h", Secrets.hash(text.substring(Secrets.QR_PREFIX.length())))
                .query(BookingService::row).optional()
                .orElseThrow(() -> new ReservationException("qr",
                        "このQRコードの予約は見つかりません。発券機で整理券をお取りください。"));
        LocalDate today = LocalDate.now(clock.withZone(SlotCalendar.JAPAN));
        LocalDate day = row.startsAt().atZone(SlotCalendar.JAPAN).toLocalDate();
        switch (row.state()) {
            case CONFIRMED -> {
                if (!day.equals(today)) {
                    throw new ReservationException("qr", "このご予約は " + when(row.startsAt())
                            + " です。本日の受付はできません。");
                }
            }
            case CHECKED_IN -> throw new ReservationException("qr", "このご予約はすでに受付済みです（予約番号 "
                    + row.reservationNumber() + "）。");
            default -> throw new ReservationException("qr", "このご予約は" + row.state().label()
                    + "のため受付できません。発券機で整理券をお取りください。");
        }
        return row;
    }

    void markCheckedIn(Row row) {
        transition(row, BookingState.CHECKED_IN);
        audit.record(new AuditEvent("reservation.checked_in", RESIDENT, Channel.KIOSK, SUBJECT,
                row.reservationNumber(), null, "/kiosk/check-in", Map.of("service", row.serviceCode())));
    }

    // --- internals ---

    /** One row of reservation_booking. */
    record Row(UUID id, String reservationNumber, String serviceCode, Instant startsAt, BookingState state,
            String visitorName, ContactChannel contactKind, String contact, String contactKey) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("reservation_number"),
                rs.getString("service_code"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                BookingState.valueOf(rs.getString("state")), rs.getString("visitor_name"),
                ContactChannel.valueOf(rs.getString("contact_kind")), rs.getString("contact"),
                rs.getString("contact_key"));
    }

    private Settings.Service bookableService(String code) {
        return settings.snapshot().service(code == null ? "" : code).filter(Settings.Service::active)
                .orElseThrow(() -> new ReservationException("service", "その用件は予約を受け付けていません。"));
    }

    /** The capacity check: one atomic statement, enforced by the row lock and the CHECK constraint. */
    private void takeSeat(Settings.Service service, Instant at, int capacity) {
        if (capacity <= 0) {
            throw full(at);
        }
        boolean taken = !jdbc.sql("""
                insert into reservation_slot (municipality_code, service_code, starts_at, capacity, booked)
                values (:m, :s, :at, :cap, 1)
                on conflict (municipality_code, service_code, starts_at) do update
                    set booked = reservation_slot.booked + 1, capacity = excluded.capacity
                    where reservation_slot.booked < excluded.capacity
                returning booked""")
                .param("m", TenantContext.require()).param("s", service.code())
                .param("at", OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN)).param("cap", capacity)
                .query(Integer.class).list().isEmpty();
        if (!taken) {
            throw full(at);
        }
    }

    /**
     * {@link #takeSeat} and {@link #insert} in one round trip: the booking row is inserted only from the row the
     * conditional upsert returned, so a full slot inserts nothing. The rare collision of a random reservation number
     * (the seat taken, the booking not inserted) falls back to {@link #insert}, whose retries draw new numbers.
     */
    private Booked takeSeatAndInsert(Settings.Service service, Instant at, int capacity, Visitor visitor) {
        if (capacity <= 0) {
            throw full(at);
        }
        String token = Secrets.newToken();
        String number = Secrets.newReservationNumber();
        OffsetDateTime startsAt = OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN);
        String m = TenantContext.require();
        record Outcome(long seated, UUID id) {
        }
        Outcome outcome = jdbc.sql("""
                with seat as (
                    insert into reservation_slot (municipality_code, service_code, starts_at, capacity, booked)
                    values (:m, :s, :at, :cap, 1)
                    on conflict (municipality_code, service_code, starts_at) do update
                        set booked = reservation_slot.booked + 1, capacity = excluded.capacity
                        where reservation_slot.booked < excluded.capacity
                    returning booked),
                booking as (
                    insert into reservation_booking (municipality_code, reservation_number, service_code, starts_at,
                        state, visitor_name, contact_kind, contact, contact_key, manage_token_hash, checkin_token_hash)
                    select :m, :n, :s, :at, 'CONFIRMED', :name, :kind, :contact, :key, :mh, :ch from seat
                    on conflict (municipality_code, reservation_number) do nothing
                    returning id)
                select (select count(*) from seat), (select id from booking)""")
                .param("m", m).param("s", service.code()).param("at", startsAt).param("cap", capacity)
                .param("n", number).param("name", visitor.name()).param("kind", visitor.kind().name())
                .param("contact", visitor.contact()).param("key", visitor.contactKey())
                .param("mh", Secrets.hash(token)).param("ch", Secrets.hash(Secrets.checkInToken(token)))
                .query((rs, i) -> new Outcome(rs.getLong(1), rs.getObject(2, UUID.class))).single();
        if (outcome.seated() == 0) {
            throw full(at);
        }
        return outcome.id() != null ? new Booked(outcome.id(), number, token) : insert(service, at, visitor);
    }

    private static ReservationException full(Instant at) {
        return new ReservationException("at", when(at) + " の枠は満員になりました。別の予約枠を選んでください。");
    }

    private void releaseSeat(String serviceCode, Instant at) {
        jdbc.sql("update reservation_slot set booked = booked - 1 where service_code = :s and starts_at = :at")
                .param("s", serviceCode).param("at", OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN)).update();
    }

    private Booked insert(Settings.Service service, Instant at, Visitor visitor) {
        String token = Secrets.newToken();
        for (int attempt = 0; ; attempt++) {
            String number = Secrets.newReservationNumber();
            Optional<UUID> id = jdbc.sql("""
                    insert into reservation_booking (municipality_code, reservation_number, service_code, starts_at,
                        state, visitor_name, contact_kind, contact, contact_key, manage_token_hash, checkin_token_hash)
                    values (:m, :n, :s, :at, 'CONFIRMED', :name, :kind, :contact, :key, :mh, :ch)
                    on conflict (municipality_code, reservation_number) do nothing
                    returning id""")
                    .param("m", TenantContext.require()).param("n", number).param("s", service.code())
                    .param("at", OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN)).param("name", visitor.name())
                    .param("kind", visitor.kind().name()).param("contact", visitor.contact())
                    .param("key", visitor.contactKey()).param("mh", Secrets.hash(token))
                    .param("ch", Secrets.hash(Secrets.checkInToken(token)))
                    .query(UUID.class).optional();
            if (id.isPresent()) {
                return new Booked(id.get(), number, token);
            }
            if (attempt > 5) {
                throw new IllegalStateException("could not draw a free reservation number");
            }
        }
    }

    private static OutgoingMessage message(ContactChannel kind, String contact, Booked booked, String subject,
            String body) {
        return new OutgoingMessage(kind, contact, subject, body, SUBJECT, booked.id().toString());
    }

    private String details(String number, Settings.Service service, Instant at) {
        WhatToBring bring = settings.whatToBring(service);
        return "予約番号: " + number + "\n用件: " + service.name() + "\n日時: "
                + when(at) + "（所要 約" + service.durationMinutes() + "分）\n"
                + (bring.isEmpty() ? "" : bring.fromCatalog() ? "お持ちいただくもの:\n" + bring.asText() + "\n"
                        : "お持ちいただくもの: " + bring.asText() + "\n");
    }

    private Optional<Row> find(String manageToken) {
        if (!Secrets.wellFormed(manageToken)) {
            return Optional.empty();
        }
        return jdbc.sql("select * from reservation_booking where manage_token_hash = :h")
                .param("h", Secrets.hash(manageToken)).query(BookingService::row).optional();
    }

    private Row lockedActive(String manageToken) {
        if (!Secrets.wellFormed(manageToken)) {
            throw unknownLink();
        }
        Row row = jdbc.sql("select * from reservation_booking where manage_token_hash = :h for update")
                .param("h", Secrets.hash(manageToken)).query(BookingService::row).optional()
                .orElseThrow(BookingService::unknownLink);
        explainIfUnusable(row);
        if (row.state() != BookingState.CONFIRMED || !row.startsAt().isAfter(clock.instant())) {
            throw new ReservationException("link", "このご予約（予約番号 " + row.reservationNumber()
                    + "）は" + row.state().label() + "のため、変更・取消はできません。");
        }
        return row;
    }

    private void explainIfUnusable(Row row) {
        switch (row.state()) {
            case CHANGED -> throw new ReservationException("link", "このリンクはすでに使われています。予約を変更したため、"
                    + "以前のリンクは使えません。変更後にお送りしたメール（またはSMS）のリンクをお使いください。");
            case CANCELLED -> throw new ReservationException("link", "このご予約（予約番号 " + row.reservationNumber()
                    + "）はすでに取り消されています。");
            default -> {
            }
        }
        LocalDate visitDay = row.startsAt().atZone(SlotCalendar.JAPAN).toLocalDate();
        if (LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).isAfter(visitDay)) {
            throw new ReservationException("link", "このリンクの有効期限（来庁日の終わりまで）が過ぎています。");
        }
    }

    private static ReservationException unknownLink() {
        return new ReservationException("link",
                "このリンクは正しくありません。お送りしたメール（またはSMS）のリンクを、途中で切れていないか確かめて開いてください。");
    }

    private void transition(Row row, BookingState next) {
        if (!row.state().canBecome(next)) {
            throw new IllegalStateException("booking " + row.reservationNumber() + ": " + row.state() + " -> " + next);
        }
        int updated = jdbc.sql("""
                update reservation_booking set state = :next, updated_at = now() where id = :id and state = :from""")
                .param("next", next.name()).param("id", row.id()).param("from", row.state().name()).update();
        if (updated != 1) {
            throw new IllegalStateException("booking " + row.reservationNumber() + " changed concurrently");
        }
    }
}
