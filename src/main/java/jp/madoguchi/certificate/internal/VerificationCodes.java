package jp.madoguchi.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * 検証コード — 20 random characters of Crockford's base32 alphabet (100 bits: not guessable), printed in five groups
 * of four for typing ({@code 7K3M-9QXR-...}). Input is read the Crockford way: case and hyphens/spaces ignored, O→0,
 * I/L→1. Only the SHA-256 of the normalised code is stored.
 */
final class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 20;

    private VerificationCodes() {
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The code without separators, upper case, Crockford substitutions applied; null unless 20 valid characters. */
    static String normalise(String input) {
        if (input == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(input, java.text.Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).replaceAll("[\\s\\-ー－‐]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }

    static byte[] hash(String normalised) {
        return JdbcSealRegistry.sha256(normalised.getBytes(StandardCharsets.US_ASCII));
    }
}
