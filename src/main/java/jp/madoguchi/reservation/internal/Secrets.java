package jp.madoguchi.reservation.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of a booking. The change/cancel link carries a random 256-bit token; only its SHA-256 is stored. The
 * check-in token in the QR code is derived from it (HMAC-SHA256 keyed with the link token), so whoever holds the
 * link can show the QR again, and the database again stores only a hash. Reservation numbers are random too (8
 * characters of Crockford's base32 alphabet, about 40 bits), so one number says nothing about another.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String QR_PREFIX = "MDGC1:";

    private Secrets() {
    }

    static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String checkInToken(String manageToken) {
        return hmac(manageToken.getBytes(StandardCharsets.UTF_8), "madoguchi check-in");
    }

    /** HMAC-SHA256 of {@code message} (UTF-8) under {@code key}, base64url without padding. */
    static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code token} looks like one of ours (43 base64url characters), before any database lookup. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String newReservationNumber() {
        return newCode(8);
    }

    /**
     * {@code length} random characters of Crockford's base32 alphabet (5 bits each), in groups of four joined by
     * {@code -} ({@code XXXX-XXXX}): reservation numbers and lobby devices' enrolment codes.
     */
    static String newCode(int length) {
        return jp.madoguchi.kit.CrockfordCodes.random(length);
    }
}
