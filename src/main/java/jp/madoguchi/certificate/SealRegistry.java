package jp.madoguchi.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;

/**
 * 印鑑登録 — the seal register: one registration per person (15+, not a 成年被後見人, registered in this
 * municipality), changed by 廃止 and a new registration, abolished automatically when the person moves out or dies.
 * Every change is appended to the history.
 */
public interface SealRegistry {

    /**
     * 登録.
     *
     * @throws SealException with a Japanese reason (ineligible, already registered, image not PNG/JPEG …)
     */
    SealRegistration register(String atenaNumber, String cardNumber, byte[] image, AuditEvent.Actor actor);

    /** 印鑑登録証の再交付 — a new card number for the active registration. */
    SealRegistration changeCard(String atenaNumber, String newCardNumber, String reason, AuditEvent.Actor actor);

    /** 廃止 of the active registration. */
    void abolish(String atenaNumber, String reason, AuditEvent.Actor actor);

    /** The active registration, if any. */
    Optional<SealRegistration> active(String atenaNumber);

    /** Every event of the person's registrations, newest first. */
    List<SealEvent> history(String atenaNumber);

    /**
     * 印鑑登録.
     *
     * @param registrationNumber 印鑑登録番号
     * @param atenaNumber 宛名番号
     * @param cardNumber 印鑑登録証の番号
     * @param image the seal impression
     * @param imageType {@code image/png} or {@code image/jpeg}
     * @param registeredAt when
     */
    record SealRegistration(long registrationNumber, String atenaNumber, String cardNumber, byte[] image,
            String imageType, Instant registeredAt) {
    }

    /** One change (登録, 登録証の再交付, 廃止). */
    record SealEvent(long registrationNumber, String kind, String cardNumber, String reason, Instant occurredAt,
            String actor) {

        public String kindLabel() {
            return switch (kind) {
                case "REGISTERED" -> "登録";
                case "CARD_CHANGED" -> "登録証の再交付";
                case "ABOLISHED" -> "廃止";
                default -> kind;
            };
        }
    }

    /** A registration that cannot be made, with the Japanese reason. */
    final class SealException extends RuntimeException {
        private final String field;

        public SealException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
