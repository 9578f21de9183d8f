package jp.madoguchi.kit;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Codes people type from paper or a screen, in Crockford's base32 alphabet (digits and upper-case letters without
 * I, L, O, U; 5 bits a character): made at random in groups of four ({@code 7K3M-9QXR}), and read back the Crockford
 * way — full-width or lower case, hyphens (also ー－‐) and spaces ignored, O read as 0, I and L as 1. Used for
 * certificates' 検証コード, reservation numbers and lobby devices' enrolment codes.
 */
public final class CrockfordCodes {

    /** The 32 characters, in value order. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CrockfordCodes() {
    }

    /**
     * A new random code.
     *
     * @param length the number of characters (5 bits of randomness each, from {@link SecureRandom})
     * @return the characters in groups of four joined by {@code -}
     */
    public static String random(int length) {
        StringBuilder b = new StringBuilder(length + length / 4);
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * A typed code as it is compared and stored: NFKC (full-width to half-width), upper case, without separators,
     * O→0 and I/L→1. Not checked against the alphabet: see {@link #isCode}.
     *
     * @param typed what was typed, or {@code null}
     * @return the normalised characters ("" for {@code null})
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-ー－‐]", "").replace('O', '0').replace('I', '1').replace('L', '1');
    }

    /**
     * Whether a normalised code has {@code length} characters, all of the alphabet.
     *
     * @param normalised the result of {@link #normalise}
     * @param length the expected number of characters
     * @return true when it could be one of ours
     */
    public static boolean isCode(String normalised, int length) {
        return normalised != null && normalised.length() == length
                && normalised.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
