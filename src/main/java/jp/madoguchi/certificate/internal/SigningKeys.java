package jp.madoguchi.certificate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.platform.Municipality;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The municipality's signing key (公印に代わる電子署名の鍵). Production: a PKCS#12 keystore named by
 * {@code madoguchi.certificate.keystore} ({@code {code}} = 団体コード) with its password. Demo: a key pair (RSA 2048,
 * as JPKI uses) and a self-signed certificate 「窓口町 公印（デモ）」 generated once per municipality into
 * {@code <keys>/certificate-seal-<code>.p12} with a random password beside it (both owner-only) and reused after.
 * Keys are cached per municipality; nothing about them is logged but the file path.
 */
@Component
class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ALIAS = "seal";

    /** A municipality's key and certificate. */
    record SigningKey(PrivateKey privateKey, X509Certificate certificate) {
    }

    private final CertificateSettings settings;
    private final Map<String, SigningKey> cache = new ConcurrentHashMap<>();

    SigningKeys(CertificateSettings settings) {
        this.settings = settings;
    }

    SigningKey forMunicipality(Municipality municipality) {
        return cache.computeIfAbsent(municipality.code(), code -> load(municipality));
    }

    /** The certificate of a municipality whose key exists (for verification), without generating one. */
    java.util.Optional<X509Certificate> certificateOf(String municipalityCode) {
        SigningKey cached = cache.get(municipalityCode);
        if (cached != null) {
            return java.util.Optional.of(cached.certificate());
        }
        Path file = keystorePath(municipalityCode);
        if (!Files.isReadable(file)) {
            return java.util.Optional.empty();
        }
        // Kept like an issuing key: every PDF uploaded to the public page would otherwise read the keystore again.
        return java.util.Optional.of(cache.computeIfAbsent(municipalityCode,
                code -> read(file, password(code, file))).certificate());
    }

    private SigningKey load(Municipality municipality) {
        Path file = keystorePath(municipality.code());
        if (!settings.keystore().isEmpty()) {
            if (!Files.isReadable(file)) {
                throw new IllegalStateException("署名鍵のキーストア " + file + " が読めません（madoguchi.certificate.keystore）。");
            }
            return read(file, settings.keystorePassword().toCharArray());
        }
        if (!Files.exists(file)) {
            generate(municipality, file);
        }
        return read(file, password(municipality.code(), file));
    }

    private Path keystorePath(String code) {
        if (!settings.keystore().isEmpty()) {
            return Path.of(settings.keystore().replace("{code}", code));
        }
        return settings.keyDirectory().resolve("certificate-seal-" + code + ".p12");
    }

    private char[] password(String code, Path file) {
        if (!settings.keystore().isEmpty()) {
            return settings.keystorePassword().toCharArray();
        }
        try {
            return Files.readString(passwordFile(file), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("署名鍵のパスワードファイルを読めません: " + passwordFile(file), e);
        }
    }

    private static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    private static SigningKey read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = store.containsAlias(ALIAS) ? ALIAS : store.aliases().nextElement();
            return new SigningKey((PrivateKey) store.getKey(alias, password),
                    (X509Certificate) store.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("署名鍵のキーストア " + file + " を読めません: " + e.getMessage(), e);
        }
    }

    /** Generates the demo key pair and self-signed certificate; two processes racing keep the first file. */
    private static synchronized void generate(Municipality municipality, Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.ST, municipality.prefectureName())
                    .addRDN(BCStyle.O, municipality.fullName())
                    .addRDN(BCStyle.CN, municipality.name() + " 公印（デモ）")
                    .build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(),
                    new java.security.cert.Certificate[] {certificate});
            Path passwordFile = passwordFile(file);
            Path temporary = Files.createTempFile(file.getParent(), "seal", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password.toCharArray());
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException raced) {
                // another process generated it first: keep theirs
            } finally {
                Files.delete(temporary);
            }
            log.warn("No madoguchi.certificate.keystore configured: generated a demo signing key at {}", file);
        } catch (IOException e) {
            throw new UncheckedIOException("署名鍵を生成できません: " + file, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("署名鍵を生成できません: " + e.getMessage(), e);
        }
    }
}
