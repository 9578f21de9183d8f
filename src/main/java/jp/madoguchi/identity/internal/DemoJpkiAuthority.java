package jp.madoguchi.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.identity.DemoSigningCard;
import jp.madoguchi.identity.ResidentIdentity;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * デモ用の認証局とマイナンバーカード — demo mode only. A demo root CA 「窓口町デモ用 JPKI 署名用認証局（テスト用）」, its
 * CRL, and one simulated signing card (key pair and signing certificate with the 基本4情報 in the subjectAltName, as
 * JPKI's) per demo card holder. Created at the first demo start and kept in a PKCS#12 file under the platform's data
 * directory ({@code madoguchi.identity.demo-card.directory}, by default {@code <data directory>/identity}), so that
 * signatures made before a restart still verify after it. The CA and its CRL are trusted for signatures only in
 * demo mode (this bean exists only with the {@code demo} profile).
 */
@Component
@Profile("demo")
class DemoJpkiAuthority implements DemoSigningCard, TrustContribution {

    static final String CA_NAME = "窓口町デモ用 JPKI 署名用認証局（テスト用）";
    private static final Logger log = LoggerFactory.getLogger(DemoJpkiAuthority.class);
    private static final String CA_ALIAS = "demo-ca";
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Duration CARD_VALIDITY = Duration.ofDays(5 * 365);

    private final Path keyStoreFile;
    private final Path crlFile;
    private final char[] password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final KeyStore keyStore;
    private final X509Certificate caCertificate;
    private final PrivateKey caKey;
    private X509CRL crl;

    DemoJpkiAuthority(@Value("${madoguchi.identity.demo-card.directory:${madoguchi.database.embedded.data-directory:./madoguchi-data}/identity}") Path directory,
            @Value("${madoguchi.identity.demo-card.password:madoguchi-demo}") String password, Clock clock) {
        this.keyStoreFile = directory.resolve("demo-jpki.p12");
        this.crlFile = directory.resolve("demo-jpki.crl");
        this.password = password.toCharArray();
        this.clock = clock;
        try {
            Files.createDirectories(directory);
            keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(keyStoreFile)) {
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    keyStore.load(in, this.password);
                }
            } else {
                keyStore.load(null, null);
            }
            if (!keyStore.isKeyEntry(CA_ALIAS)) {
                createCa();
                log.info("Demo JPKI CA created: {}", keyStoreFile);
            }
            caCertificate = (X509Certificate) keyStore.getCertificate(CA_ALIAS);
            caKey = (PrivateKey) keyStore.getKey(CA_ALIAS, this.password);
            crl = readCrl().orElse(null);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("デモ用の認証局を用意できません: " + keyStoreFile, e);
        }
    }

    /** A card's key and certificate, decrypted from the key store once (PKCS#12 key decryption is slow). */
    private record Card(PrivateKey key, X509Certificate certificate, List<Object> facts) {
    }

    private final java.util.concurrent.ConcurrentMap<String, Card> cards = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Object> facts(ResidentIdentity holder) {
        return java.util.Arrays.asList(holder.name(), holder.address(), holder.birthDate(), holder.sex());
    }

    @Override
    public byte[] sign(ResidentIdentity holder, byte[] content) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(content, "content");
        try {
            String alias = "card-" + fingerprint(holder.provider() + ":" + holder.subject());
            Card card = cards.get(alias);
            if (card == null || !card.facts().equals(facts(holder))) {
                card = card(alias, holder);
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(card.key());
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(signer, card.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(card.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("Demo signing failed", e);
        }
    }

    /** The holder's card from the key store, issued (and saved) first when missing or when the facts changed. */
    private synchronized Card card(String alias, ResidentIdentity holder)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        if (!keyStore.isKeyEntry(alias) || !sameFacts((X509Certificate) keyStore.getCertificate(alias), holder)) {
            issueCard(alias, holder);
        }
        Card card = new Card((PrivateKey) keyStore.getKey(alias, password),
                (X509Certificate) keyStore.getCertificate(alias), facts(holder));
        cards.put(alias, card);
        return card;
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(caCertificate);
    }

    @Override
    public List<CrlSource> crlSources() {
        return List.of(new CrlSource() {
            @Override
            public Optional<X509CRL> current(Instant now) {
                return Optional.of(currentCrl(now));
            }

            @Override
            public String description() {
                return crlFile.toString();
            }
        });
    }

    X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The demo CA's CRL, issued again (and saved) when it is past half its validity. */
    synchronized X509CRL currentCrl(Instant now) {
        if (crl == null || crl.getNextUpdate() == null
                || now.isAfter(crl.getNextUpdate().toInstant().minus(CRL_VALIDITY.dividedBy(2)))) {
            try {
                Instant thisUpdate = now.minusSeconds(60);
                X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(caCertificate, Date.from(thisUpdate));
                builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
                builder.addExtension(Extension.cRLNumber, false,
                        new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
                X509CRLHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey));
                crl = new JcaX509CRLConverter().getCRL(holder);
                write(crlFile, crl.getEncoded());
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException("Demo CRL could not be issued", e);
            }
        }
        return crl;
    }

    private void createCa() throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = rsa();
        Instant now = clock.instant();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, "JPKI-DEMO")
                .addRDN(BCStyle.OU, "窓口町（デモ・テスト用）").addRDN(BCStyle.CN, CA_NAME).build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(20 * 365))), name,
                pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        keyStore.setKeyEntry(CA_ALIAS, pair.getPrivate(), password, new X509Certificate[] {certificate});
        save();
    }

    private void issueCard(String alias, ResidentIdentity holder)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = rsa();
        Instant now = clock.instant();
        Instant notAfter = now.plus(CARD_VALIDITY);
        if (notAfter.isAfter(caCertificate.getNotAfter().toInstant())) {
            notAfter = caCertificate.getNotAfter().toInstant();
        }
        // Like JPKI, the subject names no one: the 基本4情報 are only in the subjectAltName.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, "JPKI-DEMO").addRDN(BCStyle.CN, alias.substring("card-".length())).build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate,
                new BigInteger(64, random).setBit(63), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(notAfter), subject, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.subjectAlternativeName, false, JpkiSubjectFacts.subjectAltName(holder))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(caCertificate))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
        keyStore.setKeyEntry(alias, pair.getPrivate(), password, new X509Certificate[] {certificate, caCertificate});
        save();
    }

    private static boolean sameFacts(X509Certificate certificate, ResidentIdentity holder) {
        JpkiSubjectFacts facts = JpkiSubjectFacts.of(certificate);
        return Objects.equals(facts.name(), holder.name()) && Objects.equals(facts.address(), holder.address())
                && Objects.equals(facts.birthDate(), holder.birthDate()) && Objects.equals(facts.sex(), holder.sex());
    }

    private KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        return generator.generateKeyPair();
    }

    private Optional<X509CRL> readCrl() {
        if (!Files.exists(crlFile)) {
            return Optional.empty();
        }
        try {
            X509CRL read = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(Files.readAllBytes(crlFile)));
            read.verify(caCertificate.getPublicKey());
            return Optional.of(read);
        } catch (IOException | GeneralSecurityException e) {
            log.warn("Demo CRL ignored (issued again): {}", e.toString());
            return Optional.empty();
        }
    }

    private void save() throws IOException, GeneralSecurityException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        keyStore.store(out, password);
        write(keyStoreFile, out.toByteArray());
    }

    /** Writes through a temporary file and a rename, readable by the owner only. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            out.write(bytes);
        }
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String fingerprint(String text) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 10);
    }
}
