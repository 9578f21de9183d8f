package jp.madoguchi.identity;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The certificate a signature was made with (署名用電子証明書), and the 基本4情報 it carries.
 *
 * @param subject the certificate's subject (RFC 4514)
 * @param issuer the issuer (RFC 4514), e.g. the JPKI signing CA
 * @param serialHex serial number in upper-case hexadecimal
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param name 氏名 from the JPKI subjectAltName, else {@code null}
 * @param address 住所 from the JPKI subjectAltName, else {@code null}
 * @param birthDate 生年月日 from the JPKI subjectAltName (when complete), else {@code null}
 * @param sex 性別 (「男性」/「女性」) from the JPKI subjectAltName, else {@code null}
 */
public record SignerCertificate(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
        String name, String address, LocalDate birthDate, String sex) implements Serializable {
}
