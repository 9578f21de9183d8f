package jp.madoguchi.identity;

/** 基本4情報 of a signed-in resident, as the identity provider asserted them. */
public record ResidentIdentity(String provider, String subject, String name, String nameKana,
        java.time.LocalDate birthDate, String sex, String address, String email, java.time.Instant authenticatedAt,
        boolean demo) {
}
