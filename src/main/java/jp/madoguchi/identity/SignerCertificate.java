package jp.madoguchi.identity;

import java.time.Instant;
import java.time.LocalDate;

/** The signer's certificate, with the four facts from the JPKI subjectAltName when present. */
public record SignerCertificate(String subject, String issuer, String serialHex, Instant notBefore, Instant notAfter,
        String name, String address, LocalDate birthDate, String sex) {
}
