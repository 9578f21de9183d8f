package jp.madoguchi.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.kit.Era;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * 基本4情報 in a JPKI signing certificate (署名用電子証明書): {@code otherName} entries of the subjectAltName under
 * the arc {@code 1.2.392.200149.8.5.5} (J-LIS), as given by J-LIS's 「署名用電子証明書及び利用者証明用電子証明書の
 * プロファイル仕様書」 (§2.1.1 ②, subjectAltName) and as read by public JPKI client code:
 *
 * <pre>
 * 1.2.392.200149.8.5.5.1  氏名 (UTF8String)
 * 1.2.392.200149.8.5.5.2  氏名代替文字の使用位置
 * 1.2.392.200149.8.5.5.3  性別: "1" 男, "2" 女 (other values: unknown — see docs/identity.md)
 * 1.2.392.200149.8.5.5.4  生年月日: one era-code digit, then the Gregorian date YYYYMMDD ("419900102")
 * 1.2.392.200149.8.5.5.5  住所 (UTF8String)
 * 1.2.392.200149.8.5.5.6  住所代替文字の使用位置
 * </pre>
 *
 * Values are read whether encoded as a character string or as an OCTET STRING of UTF-8. A date with unknown parts
 * (zeros) gives no birth date.
 *
 * @param name 氏名, or null
 * @param address 住所, or null
 * @param birthDate 生年月日 when complete, or null
 * @param sex 「男性」/「女性」, or null
 */
record JpkiSubjectFacts(String name, String address, LocalDate birthDate, String sex) {

    static final String ARC = "1.2.392.200149.8.5.5";
    static final ASN1ObjectIdentifier NAME = new ASN1ObjectIdentifier(ARC + ".1");
    static final ASN1ObjectIdentifier NAME_SUBSTITUTES = new ASN1ObjectIdentifier(ARC + ".2");
    static final ASN1ObjectIdentifier SEX = new ASN1ObjectIdentifier(ARC + ".3");
    static final ASN1ObjectIdentifier BIRTH_DATE = new ASN1ObjectIdentifier(ARC + ".4");
    static final ASN1ObjectIdentifier ADDRESS = new ASN1ObjectIdentifier(ARC + ".5");
    static final ASN1ObjectIdentifier ADDRESS_SUBSTITUTES = new ASN1ObjectIdentifier(ARC + ".6");

    static final JpkiSubjectFacts NONE = new JpkiSubjectFacts(null, null, null, null);

    /** The facts of {@code certificate}; {@link #NONE} for a certificate without them (or a malformed SAN). */
    static JpkiSubjectFacts of(X509Certificate certificate) {
        try {
            Extension san = new X509CertificateHolder(certificate.getEncoded()).getExtension(Extension.subjectAlternativeName);
            if (san == null) {
                return NONE;
            }
            Map<String, String> values = new HashMap<>();
            for (GeneralName name : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                if (name.getTagNo() == GeneralName.otherName) {
                    OtherName other = OtherName.getInstance(name.getName());
                    String text = text(other.getValue());
                    if (text != null) {
                        values.putIfAbsent(other.getTypeID().getId(), text);
                    }
                }
            }
            return new JpkiSubjectFacts(blankToNull(values.get(NAME.getId())), blankToNull(values.get(ADDRESS.getId())),
                    birthDate(values.get(BIRTH_DATE.getId())), sex(values.get(SEX.getId())));
        } catch (CertificateEncodingException | java.io.IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The subjectAltName a JPKI signing certificate for {@code holder} carries (used by the demo card). */
    static GeneralNames subjectAltName(ResidentIdentity holder) {
        List<GeneralName> names = new ArrayList<>();
        names.add(otherName(NAME, holder.name()));
        names.add(otherName(NAME_SUBSTITUTES, ""));
        names.add(otherName(SEX, ResidentIdentity.MALE.equals(holder.sex()) ? "1"
                : ResidentIdentity.FEMALE.equals(holder.sex()) ? "2" : "3"));
        names.add(otherName(BIRTH_DATE, holder.birthDate() == null ? "000000000" : encodeBirthDate(holder.birthDate())));
        names.add(otherName(ADDRESS, holder.address()));
        names.add(otherName(ADDRESS_SUBSTITUTES, ""));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static String encodeBirthDate(LocalDate date) {
        int era;
        try {
            era = Era.of(date).code();
        } catch (RuntimeException e) {
            era = 0;
        }
        return era + String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    static LocalDate birthDate(String value) {
        if (value == null || !value.matches("[0-9]{8,9}")) {
            return null;
        }
        String ymd = value.substring(value.length() - 8);
        try {
            return LocalDate.of(Integer.parseInt(ymd.substring(0, 4)), Integer.parseInt(ymd.substring(4, 6)),
                    Integer.parseInt(ymd.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String sex(String value) {
        return "1".equals(value) ? ResidentIdentity.MALE : "2".equals(value) ? ResidentIdentity.FEMALE : null;
    }

    private static GeneralName otherName(ASN1ObjectIdentifier oid, String value) {
        return new GeneralName(GeneralName.otherName, new OtherName(oid, new DERUTF8String(value)));
    }

    private static String text(ASN1Encodable value) {
        if (value instanceof ASN1String s) {
            return s.getString();
        }
        if (value instanceof ASN1OctetString o) {
            return new String(o.getOctets(), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
