package jp.madoguchi.certificate.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.kit.Wareki;

/**
 * Everything printed on one certificate, as strings, before it is numbered: so every character can be checked against
 * the font first ({@link #texts()}), and the same content is then laid out by {@link CertificateRenderer}.
 *
 * @param type the certificate
 * @param municipalityCode 団体コード (also written into the PDF's metadata for verification)
 * @param municipalityName 「長野県窓口町」
 * @param header fields above the persons (住所, 世帯主)
 * @param persons one block per person
 * @param sealImage the seal impression (印鑑登録証明書), or null
 * @param issuedOn 発行日
 * @param certifier the certification line 「長野県窓口町長　窓口　太郎」
 * @param issueNumber 発行番号 (set when numbered)
 * @param verificationCode 検証コード (set when numbered)
 * @param verifyUrl the public verification page with the code (QR code)
 */
record CertificateDocument(CertificateType type, String municipalityCode, String municipalityName,
        List<Field> header, List<List<Field>> persons, byte[] sealImage, LocalDate issuedOn, String certifier,
        String issueNumber, String verificationCode, String verifyUrl) {

    /** One printed item. */
    record Field(String label, String value) {
    }

    CertificateDocument numbered(String number, String code, String url) {
        return new CertificateDocument(type, municipalityCode, municipalityName, header, persons, sealImage, issuedOn,
                certifier, number, code, url);
    }

    String issuedOnText() {
        return Wareki.format(issuedOn);
    }

    /** Every string that will be drawn (numbers excluded: ASCII digits and letters are in every font). */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        texts.add(type.title());
        texts.add(type.attestation());
        texts.add(municipalityName);
        texts.add(certifier);
        texts.add(issuedOnText());
        texts.addAll(CertificateRenderer.FIXED_TEXTS);
        for (Field f : header) {
            texts.add(f.label());
            texts.add(f.value());
        }
        for (List<Field> person : persons) {
            for (Field f : person) {
                texts.add(f.label());
                texts.add(f.value());
            }
        }
        return texts;
    }
}
