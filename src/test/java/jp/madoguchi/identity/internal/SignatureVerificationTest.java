package jp.madoguchi.identity.internal;

import static jp.madoguchi.identity.internal.TestPki.days;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignatureVerification.Outcome;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Signature verification against a PKI generated in the test: each way a signature can be wrong is refused with its
 * outcome and a Japanese reason; the right one is accepted with the 基本4情報 of the certificate.
 */
class SignatureVerificationTest {

    static final Instant NOW = Instant.parse("2026-06-15T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Tokyo"));
    static final byte[] CONTENT = "{\"procedure\":\"児童手当 認定請求\",\"children\":2}".getBytes(StandardCharsets.UTF_8);
    static final ResidentIdentity HOLDER = new ResidentIdentity("test", "1", "試験　花子", "シケン　ハナコ",
            LocalDate.of(1990, 4, 2), ResidentIdentity.FEMALE, "長野県窓口町本町一丁目1番1号", null, NOW, false);
    static final String ROOT_NAME = "C=JP,O=JPKI-TEST,OU=JPKI for digital signature";
    static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

    final TestPki.Ca root = TestPki.rootCa(ROOT_NAME, TestPki.key(0), days(NOW, -365), days(NOW, 3650));
    final TestPki.Card card = TestPki.card(root, TestPki.key(1), days(NOW, -30), days(NOW, 1800), SIGNING, HOLDER);
    final X509CRL currentCrl = TestPki.crl(root, days(NOW, -1), days(NOW, 1));

    CmsSignatureVerifier verifier(X509CRL... crls) {
        return new CmsSignatureVerifier(new TrustMaterial(List.of(root.certificate()),
                Arrays.stream(crls).map(SignatureVerificationTest::fixed).toList()), CLOCK);
    }

    static CrlSource fixed(X509CRL crl) {
        return new CrlSource() {
            @Override
            public Optional<X509CRL> current(Instant now) {
                return Optional.of(crl);
            }

            @Override
            public String description() {
                return "test";
            }
        };
    }

    @Test
    void aSignatureOverTheSubmittedBytesWithATrustedCurrentCardIsValid() {
        SignatureVerification result = verifier(currentCrl).verify(CONTENT, TestPki.sign(card, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.valid()).isTrue();
        assertThat(result.reason()).contains("電子署名を確認しました");
        assertThat(result.signer().name()).isEqualTo("試験　花子");
        assertThat(result.signer().address()).isEqualTo("長野県窓口町本町一丁目1番1号");
        assertThat(result.signer().birthDate()).isEqualTo(LocalDate.of(1990, 4, 2));
        assertThat(result.signer().sex()).isEqualTo("女性");
        assertThat(result.signer().issuer()).contains("JPKI-TEST");
        assertThat(result.signer().serialHex()).isEqualTo(card.certificate().getSerialNumber().toString(16).toUpperCase());
    }

    @Test
    void changedContentIsRefusedAsTampered() {
        byte[] signature = TestPki.sign(card, CONTENT);
        byte[] tampered = Arrays.copyOf(CONTENT, CONTENT.length);
        tampered[tampered.length - 2] = '3';

        SignatureVerification result = verifier(currentCrl).verify(tampered, signature);

        assertThat(result.outcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.reason()).isEqualTo("署名された内容と送信された内容が一致しません（改ざんの可能性）。");
        assertThat(result.valid()).isFalse();
    }

    @Test
    void aChangedSignatureValueIsRefused() {
        byte[] signature = TestPki.sign(card, CONTENT);
        // The RSA signature value is the last 256 bytes of this DER (no unsigned attributes follow it).
        signature[signature.length - 10] ^= 0x01;

        SignatureVerification result = verifier(currentCrl).verify(CONTENT, signature);

        assertThat(result.outcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(result.reason()).contains("署名の値が証明書の鍵で確認できません");
    }

    @Test
    void anEncapsulatedContentMustBeTheSubmittedOne() {
        byte[] other = "{\"procedure\":\"other\"}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = TestPki.sign(card, other, "SHA256withRSA", true);

        assertThat(verifier(currentCrl).verify(CONTENT, signature).outcome()).isEqualTo(Outcome.CONTENT_MISMATCH);
        assertThat(verifier(currentCrl).verify(other, signature).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void anExpiredCertificateIsRefusedWithItsLastDay() {
        // Valid until 2026-03-31 23:59:59 JST.
        TestPki.Card expired = TestPki.card(root, TestPki.key(1), days(NOW, -900),
                Instant.parse("2026-03-31T14:59:59Z"), SIGNING, HOLDER);

        SignatureVerification result = verifier(currentCrl).verify(CONTENT, TestPki.sign(expired, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(result.reason()).isEqualTo("署名に使われた証明書の有効期間が切れています（2026年3月31日まで）。");
        assertThat(result.signer().name()).isEqualTo("試験　花子");
    }

    @Test
    void aCertificateNotYetValidIsRefused() {
        TestPki.Card future = TestPki.card(root, TestPki.key(1), days(NOW, 2), days(NOW, 900), SIGNING, HOLDER);

        SignatureVerification result = verifier(currentCrl).verify(CONTENT, TestPki.sign(future, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_YET_VALID);
        assertThat(result.reason()).contains("有効期間がまだ始まっていません（2026年6月17日から）");
    }

    @Test
    void aCardOfAnotherCaIsRefusedEvenUnderTheSameName() {
        // Same name as the trusted root, another key: only the key makes a CA trusted.
        TestPki.Ca impostor = TestPki.rootCa(ROOT_NAME, TestPki.key(2), days(NOW, -365), days(NOW, 3650));
        TestPki.Card forged = TestPki.card(impostor, TestPki.key(1), days(NOW, -30), days(NOW, 900), SIGNING, HOLDER);
        TestPki.Ca other = TestPki.rootCa("C=JP,O=Other CA", TestPki.key(2), days(NOW, -365), days(NOW, 3650));
        TestPki.Card foreign = TestPki.card(other, TestPki.key(1), days(NOW, -30), days(NOW, 900), SIGNING, HOLDER);

        for (TestPki.Card c : List.of(forged, foreign)) {
            SignatureVerification result = verifier(currentCrl, TestPki.crl(impostor, days(NOW, -1), days(NOW, 1)))
                    .verify(CONTENT, TestPki.sign(c, CONTENT));
            assertThat(result.outcome()).isEqualTo(Outcome.UNTRUSTED_ISSUER);
            assertThat(result.reason()).contains("信頼できる認証局");
        }
    }

    @Test
    void aRevokedCertificateIsRefused() {
        X509CRL revoking = TestPki.crl(root, days(NOW, -1), days(NOW, 1), card.certificate());

        SignatureVerification result = verifier(revoking).verify(CONTENT, TestPki.sign(card, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(result.reason()).isEqualTo("署名に使われた証明書は失効しています（2026年6月14日に失効）。");
    }

    @Test
    void theNewestCrlOfTheIssuerCounts() {
        X509CRL older = TestPki.crl(root, days(NOW, -3), days(NOW, 1));
        X509CRL newer = TestPki.crl(root, days(NOW, -1), days(NOW, 1), card.certificate());
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(new TrustMaterial(List.of(root.certificate()),
                List.of(fixed(older), fixed(newer))), CLOCK);

        assertThat(verifier.verify(CONTENT, TestPki.sign(card, CONTENT)).outcome()).isEqualTo(Outcome.REVOKED);
    }

    @Test
    void aCertificateForKeyEnciphermentIsNotASigningCertificate() {
        TestPki.Card wrong = TestPki.card(root, TestPki.key(1), days(NOW, -30), days(NOW, 900),
                KeyUsage.keyEncipherment, HOLDER);

        SignatureVerification result = verifier(currentCrl).verify(CONTENT, TestPki.sign(wrong, CONTENT));

        assertThat(result.outcome()).isEqualTo(Outcome.WRONG_KEY_USAGE);
        assertThat(result.reason()).contains("電子署名用ではありません");
    }

    @Test
    void withoutACurrentCrlOfTheIssuerRevocationIsUnknownAndTheSignatureRefused() {
        byte[] signature = TestPki.sign(card, CONTENT);
        TestPki.Ca other = TestPki.rootCa("C=JP,O=Other CA", TestPki.key(2), days(NOW, -365), days(NOW, 3650));

        SignatureVerification none = verifier().verify(CONTENT, signature);
        SignatureVerification stale = verifier(TestPki.crl(root, days(NOW, -10), days(NOW, -3))).verify(CONTENT,
                signature);
        SignatureVerification ofAnother = verifier(TestPki.crl(other, days(NOW, -1), days(NOW, 1))).verify(CONTENT,
                signature);
        // A CRL carrying the root's name but signed by another key is no CRL of the root.
        SignatureVerification forged = verifier(TestPki.crl(root.certificate(), TestPki.key(2).getPrivate(),
                days(NOW, -1), days(NOW, 1))).verify(CONTENT, signature);

        for (SignatureVerification result : List.of(none, stale, ofAnother, forged)) {
            assertThat(result.outcome()).isEqualTo(Outcome.REVOCATION_UNKNOWN);
            assertThat(result.valid()).isFalse();
        }
        assertThat(none.reason()).contains("失効情報（CRL）がないため");
        assertThat(stale.reason()).contains("失効情報（CRL）が古いため（2026年6月12日に更新予定のもの）");
    }

    @Test
    void malformedSignaturesAreRefused() {
        CmsSignatureVerifier verifier = verifier(currentCrl);
        byte[] signature = TestPki.sign(card, CONTENT);

        assertThat(verifier.verify(CONTENT, new byte[0]).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(CONTENT, null).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(CONTENT, "not a signature".getBytes(StandardCharsets.UTF_8)).outcome())
                .isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(CONTENT, Arrays.copyOf(signature, signature.length / 2)).outcome())
                .isEqualTo(Outcome.MALFORMED);
        assertThat(verifier.verify(CONTENT, new byte[CmsSignatureVerifier.MAX_SIGNATURE_BYTES + 1]).reason())
                .contains("大きすぎます");
        SignatureVerification garbage = verifier.verify(CONTENT, "not a signature".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.reason()).isEqualTo("署名データの形式が正しくありません（CMS 形式の署名として読み取れません）。");
        assertThat(garbage.signer()).isNull();
    }

    @Test
    void sha1SignaturesAreRefused() {
        SignatureVerification result = verifier(currentCrl).verify(CONTENT,
                TestPki.sign(card, CONTENT, "SHA1withRSA", false));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("SHA-256");
    }

    @Test
    void aChainThroughAnIntermediateCaNeedsTheCrlOfEachIssuer() {
        TestPki.Ca intermediate = TestPki.intermediateCa(root, "C=JP,O=JPKI-TEST,OU=Intermediate", TestPki.key(2),
                days(NOW, -100), days(NOW, 1000));
        TestPki.Card leaf = TestPki.withChain(TestPki.card(intermediate, TestPki.key(1), days(NOW, -30),
                days(NOW, 900), SIGNING, HOLDER), intermediate.certificate());
        byte[] signature = TestPki.sign(leaf, CONTENT);
        X509CRL intermediateCrl = TestPki.crl(intermediate, days(NOW, -1), days(NOW, 1));

        assertThat(verifier(currentCrl, intermediateCrl).verify(CONTENT, signature).outcome())
                .isEqualTo(Outcome.VALID);
        assertThat(verifier(currentCrl).verify(CONTENT, signature).outcome())
                .isEqualTo(Outcome.REVOCATION_UNKNOWN);
        SignatureVerification intermediateRevoked = verifier(
                TestPki.crl(root, days(NOW, -1), days(NOW, 1), intermediate.certificate()), intermediateCrl)
                .verify(CONTENT, signature);
        assertThat(intermediateRevoked.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(intermediateRevoked.reason()).contains("中間認証局");
    }

    @Test
    void aCrlFileIsReadAgainWhenItChanges(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jpki.crl");
        Files.write(file, currentCrl.getEncoded());
        TrustMaterial trust = TrustMaterial.configured(
                new JpkiProperties(List.of("file:" + rootPem(directory)), List.of("file:" + file), null, null),
                new DefaultResourceLoader(), List.of());
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(trust, CLOCK);
        byte[] signature = TestPki.sign(card, CONTENT);

        assertThat(verifier.verify(CONTENT, signature).outcome()).isEqualTo(Outcome.VALID);

        Files.write(file, TestPki.crl(root, days(NOW, -1).plusSeconds(60), days(NOW, 1), card.certificate())
                .getEncoded());
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(NOW.plusSeconds(5)));
        assertThat(verifier.verify(CONTENT, signature).outcome()).isEqualTo(Outcome.REVOKED);
    }

    @Test
    void aCrlIsDownloadedOverHttpAndKeptUntilItsNextUpdate(@TempDir Path directory) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] downloads = {0};
        byte[] encoded = currentCrl.getEncoded();
        server.createContext("/jpki.crl", exchange -> {
            downloads[0]++;
            byte[] body = encoded;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jpki.crl";
            TrustMaterial trust = TrustMaterial.configured(new JpkiProperties(List.of("file:" + rootPem(directory)),
                    List.of(url), Duration.ofSeconds(5), null), new DefaultResourceLoader(), List.of());
            CmsSignatureVerifier verifier = new CmsSignatureVerifier(trust, CLOCK);
            byte[] signature = TestPki.sign(card, CONTENT);

            assertThat(verifier.verify(CONTENT, signature).outcome()).isEqualTo(Outcome.VALID);
            assertThat(verifier.verify(CONTENT, signature).outcome()).isEqualTo(Outcome.VALID);
            assertThat(downloads[0]).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    private Path rootPem(Path directory) throws Exception {
        Path pem = directory.resolve("root.pem");
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(root.certificate().getEncoded());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        return pem;
    }
}
