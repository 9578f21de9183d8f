package jp.madoguchi.certificate.internal;

import java.nio.charset.StandardCharsets;
import jp.madoguchi.kit.CrockfordCodes;

/**
 * 検証コード — 20 random characters of Crockford's base32 alphabet (100 bits: not guessable), printed in five groups
 * of four for typing ({@code 7K3M-9QXR-...}). Input is read the Crockford way: case and hyphens/spaces ignored, O→0,
 * I/L→1. Only the SHA-256 of the normalised code is stored.
 */
final class VerificationCodes {

    static final int LENGTH = 20;

    private VerificationCodes() {
    }

    static String newCode() {
        return CrockfordCodes.random(LENGTH);
    }

    /** The code without separators, upper case, Crockford substitutions applied; null unless 20 valid characters. */
    static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String s = CrockfordCodes.normalise(input);
        return CrockfordCodes.isCode(s, LENGTH) ? s : null;
    }

    static byte[] hash(String normalised) {
        return JdbcSealRegistry.sha256(normalised.getBytes(StandardCharsets.US_ASCII));
    }
}
