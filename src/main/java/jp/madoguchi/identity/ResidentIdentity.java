package jp.madoguchi.identity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 基本4情報 of a signed-in resident (氏名・生年月日・性別・住所), as the identity provider asserted them.
 *
 * @param provider which provider signed the resident in: {@code "oidc"} or {@code "demo"}
 * @param subject the resident's identifier at that provider (OpenID Connect {@code sub}; for the demo, the
 *     宛名番号 of the synthetic resident)
 * @param name 氏名
 * @param nameKana 氏名のフリガナ (full-width katakana), or {@code null} when the provider does not give it
 * @param birthDate 生年月日, or {@code null} when the provider does not give a complete date
 * @param sex 性別: 「男性」, 「女性」 or {@code null}
 * @param address 住所
 * @param email the e-mail address the provider asserted, or {@code null}
 * @param authenticatedAt when the provider authenticated the resident
 * @param demo whether this is a demo sign-in as a synthetic resident (never in production)
 */
public record ResidentIdentity(String provider, String subject, String name, String nameKana, LocalDate birthDate,
        String sex, String address, String email, Instant authenticatedAt, boolean demo) implements Serializable {

    public ResidentIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        if (sex != null && !sex.equals(MALE) && !sex.equals(FEMALE)) {
            throw new IllegalArgumentException("sex must be 男性, 女性 or null");
        }
    }

    /** 性別 as shown and stored: 男性. */
    public static final String MALE = "男性";
    /** 性別 as shown and stored: 女性. */
    public static final String FEMALE = "女性";
}
