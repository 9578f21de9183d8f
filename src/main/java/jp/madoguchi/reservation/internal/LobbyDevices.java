package jp.madoguchi.reservation.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * ロビー端末 — the devices allowed to run the lobby pages. An administrator registers a device (a name and the pages
 * it may show) and gets a one-time enrolment code (valid {@link #ENROLMENT_VALIDITY}); the device's browser redeems
 * it and receives a long-lived cookie {@code MADOGUCHI_LOBBY_DEVICE} = {@code v1.<municipality>.<device id>.<HMAC>},
 * signed with the municipality's key ({@code lobby_device_key}, HMAC-SHA256). Every lobby request checks the
 * signature, then the device row: a revoked device ({@code revoked_at}) is refused at once.
 *
 * <p>In demo mode ({@code madoguchi.demo.enabled}) an unregistered browser may use the lobby pages (they say so);
 * registered devices still work as everywhere.
 */
@Service
class LobbyDevices {

    static final String COOKIE = "MADOGUCHI_LOBBY_DEVICE";
    static final Duration ENROLMENT_VALIDITY = Duration.ofHours(24);
    /** 400 days: the longest cookie lifetime browsers keep. */
    static final Duration COOKIE_LIFETIME = Duration.ofDays(400);
    static final String SUBJECT = "lobby_device";

    /** A lobby page a device may be allowed to show. */
    enum Page {
        TICKETS("発券（整理券）"), CHECK_IN("予約の受付（QR）"), DISPLAY("呼出表示");

        private final String label;

        Page(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String path() {
            return switch (this) {
                case TICKETS -> "/kiosk/tickets";
                case CHECK_IN -> "/kiosk/check-in";
                case DISPLAY -> "/kiosk/display";
            };
        }
    }

    /**
     * A registered device as the administrator sees it.
     *
     * @param enrolmentExpired not enrolled and its code's validity over when it was read (a new registration is
     *     needed)
     */
    record Device(UUID id, String name, Set<Page> pages, OffsetDateTime enrolmentExpiresAt,
            OffsetDateTime enrolledAt, OffsetDateTime revokedAt, String createdBy, OffsetDateTime createdAt,
            boolean enrolmentExpired) {
        public String state() {
            if (revokedAt != null) {
                return "取消済み";
            }
            if (enrolledAt != null) {
                return "使用中";
            }
            return enrolmentExpired ? "登録コード期限切れ" : "登録待ち";
        }

        public List<String> pageLabels() {
            return pages.stream().map(Page::label).toList();
        }
    }

    /** A new registration: the device and its one-time enrolment code (shown once, only its hash is kept). */
    record Registration(Device device, String code) {
    }

    /** Whether a lobby request may go ahead, and how. */
    record Access(Optional<String> deviceName, boolean demoWithoutEnrolment) {
    }

    /** A lobby page refused to an unregistered (or revoked, or not allowed) browser: 403 with a Japanese page. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final TransactionTemplate ownTransaction;
    private volatile boolean openWithoutEnrolment;

    LobbyDevices(JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions,
            @Value("${madoguchi.demo.enabled:false}") boolean demo) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
        this.clock = clock;
        this.openWithoutEnrolment = demo;
    }

    /**
     * Whether unregistered browsers may use the lobby pages (demo mode). Tests of the enforcement switch it off
     * for their duration in the shared demo-profile context.
     */
    void openWithoutEnrolment(boolean open) {
        this.openWithoutEnrolment = open;
    }

    boolean openWithoutEnrolment() {
        return openWithoutEnrolment;
    }

    @Transactional
    public Registration register(String name, List<String> pages, AuditEvent.Actor actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 40) {
            throw new ReservationException("deviceName", "端末名は1〜40文字で入力してください（例: 1階ロビー発券機）。");
        }
        Set<Page> chosen = EnumSet.noneOf(Page.class);
        for (String p : pages == null ? List.<String>of() : pages) {
            try {
                chosen.add(Page.valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new ReservationException("devicePages", "使える画面「" + p + "」は選べません。");
            }
        }
        if (chosen.isEmpty()) {
            throw new ReservationException("devicePages", "この端末で使う画面（発券・受付・呼出表示）を1つ以上選んでください。");
        }
        String code = Secrets.newCode(12); // 60 bits, XXXX-XXXX-XXXX
        UUID id = jdbc.sql("""
                insert into lobby_device (municipality_code, name, pages, enrolment_code_hash, enrolment_expires_at,
                    created_by) values (:m, :n, :pages, :h, :exp, :by) returning id""")
                .param("m", TenantContext.require()).param("n", n)
                .param("pages", chosen.stream().map(Page::name).toArray(String[]::new))
                .param("h", Secrets.hash(normalise(code)))
                .param("exp", OffsetDateTime.now(clock).plus(ENROLMENT_VALIDITY))
                .param("by", actor.name() == null ? "" : actor.name()).query(UUID.class).single();
        audit.record(new AuditEvent("lobby_device.registered", actor, Channel.OFFICE, SUBJECT, id.toString(), null,
                "/office/reservations/devices", Map.of("pages", chosen.stream().map(Page::name).toList())));
        return new Registration(device(id).orElseThrow(), code);
    }

    /**
     * 端末の登録 — redeems a one-time code: the device becomes enrolled, the code unusable, and the browser gets the
     * signed cookie.
     */
    @Transactional
    public Device enrol(String code, HttpServletRequest request, HttpServletResponse response) {
        String c = normalise(code);
        if (!jp.madoguchi.kit.CrockfordCodes.isCode(c, 12)) {
            throw new ReservationException("code", "登録コードは12文字の英数字です（例: ABCD-EFGH-JKMN）。入力を確かめてください。");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UUID> id = jdbc.sql("""
                update lobby_device set enrolment_code_hash = null, enrolled_at = :now
                where enrolment_code_hash = :h and enrolment_expires_at > :now and revoked_at is null
                returning id""").param("h", Secrets.hash(c)).param("now", now).query(UUID.class).optional();
        if (id.isEmpty()) {
            throw new ReservationException("code", "この登録コードは使えません（使用済み、期限切れ、取消済み、または誤り）。"
                    + "管理者に新しい登録コードを発行してもらってください。");
        }
        Device device = device(id.get()).orElseThrow();
        audit.record(new AuditEvent("lobby_device.enrolled", AuditEvent.Actor.system("lobby-device"), Channel.KIOSK,
                SUBJECT, device.id().toString(), null, "/kiosk/enrol", Map.of()));
        String m = TenantContext.require();
        Cookie cookie = new Cookie(COOKIE, "v1." + m + "." + device.id() + "." + signature(m, device.id()));
        cookie.setPath("/kiosk");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return device;
    }

    @Transactional
    public void revoke(UUID id, AuditEvent.Actor actor) {
        int updated = jdbc.sql("""
                update lobby_device set revoked_at = :now, enrolment_code_hash = null
                where id = :id and revoked_at is null""")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        if (updated != 1) {
            throw new ReservationException("device", "この端末は見つからないか、すでに取り消されています。");
        }
        audit.record(new AuditEvent("lobby_device.revoked", actor, Channel.OFFICE, SUBJECT, id.toString(), null,
                "/office/reservations/devices", Map.of()));
    }

    @Transactional(readOnly = true)
    public List<Device> devices() {
        return jdbc.sql(DEVICE_SELECT + " order by created_at desc").query(this::deviceRow).list();
    }

    /**
     * May this request show {@code page}? A valid cookie of an enrolled, not revoked device allowed {@code page};
     * else, in demo mode, yes (the page says it is not enrolled); else {@link Refused} with a Japanese message.
     */
    @Transactional(readOnly = true)
    public Access require(HttpServletRequest request, Page page) {
        Optional<Device> device = recognise(request);
        if (device.isPresent() && device.get().pages().contains(page)) {
            return new Access(Optional.of(device.get().name()), false);
        }
        if (openWithoutEnrolment) {
            return new Access(Optional.empty(), true);
        }
        if (device.isPresent()) {
            throw new Refused("この端末（" + device.get().name() + "）は「" + page.label()
                    + "」の画面を使う設定になっていません。管理者に端末の設定を確かめてもらってください。");
        }
        throw new Refused("この画面（" + page.label() + "）は、登録されたロビー端末でだけ使えます。"
                + "この端末は登録されていないか、登録が取り消されています。管理者に端末の登録を依頼してください。");
    }

    private Optional<Device> recognise(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String m = TenantContext.require();
        for (Cookie cookie : cookies) {
            if (!COOKIE.equals(cookie.getName()) || cookie.getValue() == null) {
                continue;
            }
            String[] parts = cookie.getValue().split("\\.");
            if (parts.length != 4 || !"v1".equals(parts[0]) || !m.equals(parts[1])) {
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(parts[2]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            byte[] expected = signature(m, id).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
                continue;
            }
            Optional<Device> device = device(id).filter(d -> d.enrolledAt() != null && d.revokedAt() == null);
            if (device.isPresent()) {
                return device;
            }
        }
        return Optional.empty();
    }

    private Optional<Device> device(UUID id) {
        return jdbc.sql(DEVICE_SELECT + " where id = :id").param("id", id).query(this::deviceRow).optional();
    }

    private static final String DEVICE_SELECT = """
            select id, name, pages, enrolment_expires_at, enrolled_at, revoked_at, created_by, created_at
            from lobby_device""";

    private Device deviceRow(ResultSet rs, int row) throws SQLException {
        Array pages = rs.getArray("pages");
        Set<Page> set = EnumSet.noneOf(Page.class);
        for (String p : (String[]) pages.getArray()) {
            set.add(Page.valueOf(p));
        }
        OffsetDateTime expires = rs.getObject("enrolment_expires_at", OffsetDateTime.class);
        OffsetDateTime enrolled = rs.getObject("enrolled_at", OffsetDateTime.class);
        return new Device(rs.getObject("id", UUID.class), rs.getString("name"), set, expires, enrolled,
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                enrolled == null && expires != null && !expires.isAfter(OffsetDateTime.now(clock)));
    }

    /** HMAC-SHA256 of the municipality and device id under the municipality's key (base64url). */
    private String signature(String municipality, UUID id) {
        return Secrets.hmac(key(municipality), "v1|" + municipality + "|" + id);
    }

    /**
     * The municipality's signing key, created once (the first instance to insert wins) in a transaction of its own
     * (so a key is never used that a rollback would lose), and kept in memory.
     */
    private byte[] key(String municipality) {
        return keys.computeIfAbsent(municipality, m -> ownTransaction.execute(s -> {
            byte[] fresh = Secrets.randomBytes(32);
            jdbc.sql("insert into lobby_device_key (municipality_code, secret) values (:m, :s) on conflict do nothing")
                    .param("m", m).param("s", fresh).update();
            return jdbc.sql("select secret from lobby_device_key where municipality_code = :m").param("m", m)
                    .query(byte[].class).single();
        }));
    }

    /** A typed code: half-width, upper case, without hyphens or spaces; O→0, I/L→1 as Crockford reads them. */
    static String normalise(String code) {
        return jp.madoguchi.kit.CrockfordCodes.normalise(code);
    }
}
