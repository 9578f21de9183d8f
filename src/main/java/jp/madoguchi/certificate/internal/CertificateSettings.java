package jp.madoguchi.certificate.internal;

import java.nio.file.Path;
import java.util.Map;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.CertificateType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code madoguchi.certificate.*} (application.yaml; each value can be set by environment variables).
 *
 * @param mayorNames 首長の氏名 per 団体コード, printed in the certification line 「窓口町長　窓口　太郎」
 * @param fees 手数料 (yen per copy) per certificate type and channel (手数料条例)
 * @param publicAgencyExempt whether requests of 国・地方公共団体の機関 are free (手数料の免除)
 * @param sealOrdinance the 印鑑条例 cited as the basis of 印鑑登録証明書
 * @param font {@code auto} (IPAmj明朝 when installed, else the platform's font), {@code platform} (the platform's
 *     font only), or a TrueType file path
 * @param keystore the municipality's signing key: a PKCS#12 file path where {@code {code}} stands for the 団体コード;
 *     blank = a demo key generated once per municipality into {@code keyDirectory}
 * @param keystorePassword its password (blank with a generated key: a random password kept beside the file)
 * @param keyDirectory where demo keys are generated (default: the data directory's {@code keys/})
 */
@ConfigurationProperties("madoguchi.certificate")
record CertificateSettings(Map<String, String> mayorNames, Map<CertificateType, Map<Channel, Integer>> fees,
        boolean publicAgencyExempt, String sealOrdinance, String font, String keystore, String keystorePassword,
        Path keyDirectory) {

    CertificateSettings {
        mayorNames = mayorNames == null ? Map.of() : Map.copyOf(mayorNames);
        fees = fees == null ? Map.of() : Map.copyOf(fees);
        sealOrdinance = sealOrdinance == null || sealOrdinance.isBlank() ? "印鑑条例" : sealOrdinance;
        font = font == null || font.isBlank() ? "auto" : font.strip();
        keystore = keystore == null ? "" : keystore.strip();
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        keyDirectory = keyDirectory == null ? Path.of("madoguchi-data", "keys") : keyDirectory;
    }

    /** The fee of one copy, or fails with a Japanese message naming the missing setting. */
    int fee(CertificateType type, Channel channel) {
        Integer fee = fees.getOrDefault(type, Map.of()).get(channel);
        if (fee == null) {
            throw new IllegalStateException("手数料が設定されていません: madoguchi.certificate.fees." + type.name() + "."
                    + channel.name());
        }
        return fee;
    }

    String mayorName(String municipalityCode) {
        return mayorNames.getOrDefault(municipalityCode, "");
    }
}
