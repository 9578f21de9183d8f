package jp.madoguchi.certificate.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.SealRegistry;
import jp.madoguchi.kit.LegalAge;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.CertificateRecords;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import jp.madoguchi.resident.ResidentRemoved;
import jp.madoguchi.resident.Standing;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 印鑑登録 on PostgreSQL: the registration row (state REGISTERED / ABOLISHED) and its append-only history. A person
 * leaving the register ({@link ResidentRemoved}, published inside the register's transaction) abolishes their
 * registration in that same transaction; issuance checks the register's standing again.
 */
@Service
class JdbcSealRegistry implements SealRegistry {

    static final int MINIMUM_AGE = 15;

    private final JdbcClient jdbc;
    private final ResidentRegister register;
    private final AuditTrail audit;
    private final Clock clock;

    JdbcSealRegistry(JdbcClient jdbc, ResidentRegister register, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SealRegistration register(String atenaNumber, String cardNumber, byte[] image, AuditEvent.Actor actor) {
        String card = normaliseCard(cardNumber);
        String imageType = SealImages.check(image);
        CertificateRecords records = readPerson(atenaNumber, actor);
        CertificateRecords.Member person = records.subject();
        if (person.standing() != Standing.REGISTERED) {
            throw new SealException("atenaNumber", "この方は" + person.standing().label()
                    + "のため、印鑑登録はできません（窓口町に住民登録のある方に限ります）。");
        }
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")));
        Optional<LocalDate> birth = RegisterDate.fromCode(person.record().birthDateCode()).toLocalDate();
        if (birth.isEmpty()) {
            throw new SealException("atenaNumber", "生年月日が確定していないため、15歳以上であることを確認できません。"
                    + "住民記録の担当に確認してください。");
        }
        if (!LegalAge.hasReached(birth.get(), MINIMUM_AGE, today)) {
            throw new SealException("atenaNumber", "15歳未満の方は印鑑登録できません（" + person.record().birthDate() + "生まれ）。");
        }
        if (person.items().adultWard()) {
            throw new SealException("atenaNumber", "成年被後見人の方は印鑑登録できません。");
        }
        if (active(atenaNumber).isPresent()) {
            throw new SealException("atenaNumber", "この方はすでに印鑑登録しています（1人1個）。変更するときは、いまの登録を廃止してから"
                    + "新しい印鑑を登録してください。");
        }
        if (cardInUse(card)) {
            throw new SealException("cardNumber", "印鑑登録証の番号「" + card + "」は別の登録で使われています。");
        }
        String tenant = TenantContext.require();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('seal_registration:' || :tenant))").param("tenant", tenant)
                .query(Object.class).single();
        long number = jdbc.sql("select coalesce(max(registration_number), 0) + 1 from seal_registration")
                .query(Long.class).single();
        byte[] hash = sha256(image);
        OffsetDateTime at = jdbc.sql("""
                insert into seal_registration (municipality_code, registration_number, atena_number, card_number, image,
                    image_type, image_sha256, state, registered_by)
                values (:tenant, :number, :atena, :card, :image, :type, :hash, 'REGISTERED', :by)
                returning registered_at
                """).param("tenant", tenant).param("number", number).param("atena", atenaNumber).param("card", card)
                .param("image", image).param("type", imageType).param("hash", hash).param("by", actorName(actor))
                .query(OffsetDateTime.class).single();
        event(number, atenaNumber, "REGISTERED", card, hash, null, actor);
        audit.record(new AuditEvent("seal.registered", actor, Channel.COUNTER, "resident", atenaNumber, null,
                "/office/seals", Map.of("registrationNumber", number)));
        return new SealRegistration(number, atenaNumber, card, image, imageType, at.toInstant());
    }

    @Override
    @Transactional
    public SealRegistration changeCard(String atenaNumber, String newCardNumber, String reason,
            AuditEvent.Actor actor) {
        String card = normaliseCard(newCardNumber);
        SealRegistration current = active(atenaNumber).orElseThrow(() -> new SealException("atenaNumber",
                "この方の印鑑登録はありません。"));
        if (cardInUse(card)) {
            throw new SealException("cardNumber", "印鑑登録証の番号「" + card + "」は別の登録で使われています。");
        }
        jdbc.sql("update seal_registration set card_number = :card where registration_number = :n")
                .param("card", card).param("n", current.registrationNumber()).update();
        event(current.registrationNumber(), atenaNumber, "CARD_CHANGED", card, null, reason, actor);
        audit.record(new AuditEvent("seal.card_changed", actor, Channel.COUNTER, "resident", atenaNumber, null,
                "/office/seals", Map.of("registrationNumber", current.registrationNumber())));
        return new SealRegistration(current.registrationNumber(), atenaNumber, card, current.image(),
                current.imageType(), current.registeredAt());
    }

    @Override
    @Transactional
    public void abolish(String atenaNumber, String reason, AuditEvent.Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new SealException("reason", "廃止の理由を入力してください。");
        }
        if (!abolishActive(atenaNumber, reason, actor, Channel.COUNTER)) {
            throw new SealException("atenaNumber", "この方の印鑑登録はありません（未登録または廃止済み）。");
        }
    }

    private boolean abolishActive(String atenaNumber, String reason, AuditEvent.Actor actor, Channel channel) {
        Optional<Long> number = jdbc.sql("""
                update seal_registration set state = 'ABOLISHED', abolished_at = now(), abolish_reason = :reason
                where atena_number = :atena and state = 'REGISTERED'
                returning registration_number
                """).param("reason", reason).param("atena", atenaNumber).query(Long.class).optional();
        number.ifPresent(n -> {
            event(n, atenaNumber, "ABOLISHED", null, null, reason, actor);
            audit.record(new AuditEvent("seal.abolished", actor, channel, "resident", atenaNumber, null,
                    "seal-registry", Map.of("registrationNumber", n)));
        });
        return number.isPresent();
    }

    /** 転出・死亡 → 職権廃止, in the transaction that recorded the removal. */
    @EventListener
    void onResidentRemoved(ResidentRemoved removed) {
        String reason = switch (removed.standing()) {
            case MOVED_OUT -> "転出による職権廃止";
            case DIED -> "死亡による職権廃止";
            default -> "住民登録の消除による職権廃止";
        };
        abolishActive(removed.atenaNumber(), reason, AuditEvent.Actor.system("印鑑登録（住民異動）"), Channel.SYSTEM);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SealRegistration> active(String atenaNumber) {
        return jdbc.sql("""
                select registration_number, atena_number, card_number, image, image_type, registered_at
                from seal_registration where atena_number = :atena and state = 'REGISTERED'
                """).param("atena", atenaNumber)
                .query((rs, n) -> new SealRegistration(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBytes(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SealEvent> history(String atenaNumber) {
        return jdbc.sql("""
                select registration_number, kind, card_number, reason, occurred_at, actor
                from seal_registration_event where atena_number = :atena order by id desc
                """).param("atena", atenaNumber)
                .query((rs, n) -> new SealEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }

    private CertificateRecords readPerson(String atenaNumber, AuditEvent.Actor actor) {
        try {
            return register.readForCertificate(atenaNumber, false, false, AccessPurpose.COUNTER_SERVICE, actor,
                    Channel.COUNTER, "/office/seals").orElseThrow(() -> new SealException("atenaNumber",
                            "宛名番号「" + atenaNumber + "」の住民は見つかりません。"));
        } catch (ResidentQueryException e) {
            throw new SealException("atenaNumber", e.getMessage());
        }
    }

    private boolean cardInUse(String card) {
        return jdbc.sql("select exists (select 1 from seal_registration where card_number = :card and state = 'REGISTERED')")
                .param("card", card).query(Boolean.class).single();
    }

    private void event(long number, String atena, String kind, String card, byte[] hash, String reason,
            AuditEvent.Actor actor) {
        jdbc.sql("""
                insert into seal_registration_event (municipality_code, registration_number, atena_number, kind,
                    card_number, image_sha256, reason, actor)
                values (:tenant, :number, :atena, :kind, :card, :hash, :reason, :actor)
                """).param("tenant", TenantContext.require()).param("number", number).param("atena", atena)
                .param("kind", kind).param("card", card).param("hash", hash).param("reason", reason)
                .param("actor", actorName(actor)).update();
    }

    static String normaliseCard(String cardNumber) {
        String card = cardNumber == null ? "" : java.text.Normalizer.normalize(cardNumber,
                java.text.Normalizer.Form.NFKC).strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
        if (!card.matches("[0-9A-Z]{4,16}")) {
            throw new SealException("cardNumber", "印鑑登録証の番号は英数字4～16文字で入力してください（入力: 「"
                    + (cardNumber == null ? "" : cardNumber) + "」）。");
        }
        return card;
    }

    static String actorName(AuditEvent.Actor actor) {
        return actor.name() == null ? actor.kind().name() : actor.name();
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
