package jp.madoguchi.identity.internal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import jp.madoguchi.identity.SignatureVerification;
import jp.madoguchi.identity.SignatureVerification.Outcome;
import jp.madoguchi.identity.SignatureVerifier;
import jp.madoguchi.identity.SignerCertificate;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a detached CMS SignedData over the submitted bytes (BouncyCastle for CMS, the JDK's PKIX for the chain).
 * The checks, in order, each with its own {@link Outcome}:
 *
 * <ol>
 *   <li>the signature parses as CMS SignedData with exactly one signer, whose certificate it carries, with a SHA-2
 *       digest ({@link Outcome#MALFORMED});
 *   <li>the digest of the submitted bytes matches the signed one, and the signature value verifies with the
 *       certificate's key; an encapsulated content must equal the submitted bytes ({@link Outcome#CONTENT_MISMATCH});
 *   <li>a PKIX path from the signer's certificate (with intermediates from the signature) to a configured trust anchor
 *       ({@link Outcome#UNTRUSTED_ISSUER});
 *   <li>every certificate of the path is within its validity now ({@link Outcome#EXPIRED},
 *       {@link Outcome#NOT_YET_VALID});
 *   <li>the signer's certificate allows digitalSignature or nonRepudiation ({@link Outcome#WRONG_KEY_USAGE});
 *   <li>no certificate of the path is on its issuer's current CRL ({@link Outcome#REVOKED}); a certificate whose
 *       issuer has no CRL verified by the issuer's key, or only one past its nextUpdate, cannot be checked and is
 *       refused ({@link Outcome#REVOCATION_UNKNOWN}).
 * </ol>
 * Validity is checked at verification time (the platform clock), not at a claimed signing time: there is no
 * trusted time stamp.
 */
final class CmsSignatureVerifier implements SignatureVerifier {

    private static final Logger log = LoggerFactory.getLogger(CmsSignatureVerifier.class);
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    /** A signature (with its certificates) is small; anything larger is not one. */
    static final int MAX_SIGNATURE_BYTES = 256 * 1024;
    private static final Set<String> SHA2 = Set.of(NISTObjectIdentifiers.id_sha256.getId(),
            NISTObjectIdentifiers.id_sha384.getId(), NISTObjectIdentifiers.id_sha512.getId());

    private final TrustMaterial trust;
    private final Clock clock;
    private final DateTimeFormatter dates;

    CmsSignatureVerifier(TrustMaterial trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
        this.dates = DateTimeFormatter.ofPattern("uuuu年M月d日").withZone(clock.getZone());
    }

    @Override
    public SignatureVerification verify(byte[] signedContent, byte[] detachedCmsSignature) {
        Objects.requireNonNull(signedContent, "signedContent");
        SignatureVerification result = check(signedContent, detachedCmsSignature);
        // The outcome and the issuing CA only: a signing certificate's serial number points at one resident, and the
        // signer, serial and reason are kept with the application and in the audit trail, not in the log.
        log.debug("Signature verified: outcome={} issuer={}", result.outcome(),
                result.signer() == null ? "-" : result.signer().issuer());
        return result;
    }

    private SignatureVerification check(byte[] content, byte[] signature) {
        if (signature == null || signature.length == 0) {
            return malformed("署名がありません。", null);
        }
        if (signature.length > MAX_SIGNATURE_BYTES) {
            return malformed("署名データが大きすぎます（" + MAX_SIGNATURE_BYTES / 1024 + "KB まで）。", null);
        }
        CMSSignedData signed;
        try {
            CMSSignedData asSent = new CMSSignedData(signature);
            if (asSent.getSignedContent() != null) {
                Object embedded = asSent.getSignedContent().getContent();
                if (!(embedded instanceof byte[] bytes) || !Arrays.equals(bytes, content)) {
                    return result(Outcome.CONTENT_MISMATCH,
                            "署名された内容と送信された内容が一致しません（改ざんの可能性）。", null);
                }
            }
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        } catch (CMSException | RuntimeException e) {
            return malformed("署名データの形式が正しくありません（CMS 形式の署名として読み取れません）。", null);
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return malformed("署名データの形式が正しくありません（署名者が1人ではありません: " + signers.size() + "人）。", null);
        }
        SignerInformation signerInfo = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> store = signed.getCertificates();
        Collection<X509CertificateHolder> matches = store.getMatches(signerInfo.getSID());
        if (matches.isEmpty()) {
            return malformed("署名データに署名者の証明書が含まれていません。", null);
        }
        X509Certificate certificate;
        List<X509Certificate> carried = new ArrayList<>();
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            certificate = converter.getCertificate(matches.iterator().next());
            for (X509CertificateHolder holder : store.getMatches(null)) {
                carried.add(converter.getCertificate(holder));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return malformed("署名者の証明書を読み取れません。", null);
        }
        SignerCertificate signer = describe(certificate);
        if (!SHA2.contains(signerInfo.getDigestAlgOID())) {
            return malformed("署名に使われたハッシュ関数は受け付けていません（SHA-256・SHA-384・SHA-512 のみ）。", signer);
        }
        try {
            boolean verified = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC)
                    .build(certificate.getPublicKey()));
            if (!verified) {
                return result(Outcome.CONTENT_MISMATCH,
                        "署名の値が証明書の鍵で確認できません（署名または内容が改ざんされた可能性があります）。", signer);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return result(Outcome.CONTENT_MISMATCH, "署名された内容と送信された内容が一致しません（改ざんの可能性）。", signer);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return malformed("署名データの形式が正しくありません（署名を検証できません）。", signer);
        }

        Instant now = clock.instant();
        Optional<PKIXCertPathBuilderResult> path = path(certificate, carried, now);
        if (path.isEmpty()) {
            return result(Outcome.UNTRUSTED_ISSUER,
                    "署名に使われた証明書は、信頼できる認証局（公的個人認証サービスなど）が発行したものではありません。", signer);
        }
        @SuppressWarnings("unchecked")
        List<X509Certificate> chain = (List<X509Certificate>) path.get().getCertPath().getCertificates();
        X509Certificate anchor = path.get().getTrustAnchor().getTrustedCert();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String whose = i == 0 ? "署名に使われた証明書" : "署名に使われた証明書の発行元（中間認証局）の証明書";
            if (now.isAfter(c.getNotAfter().toInstant())) {
                return result(Outcome.EXPIRED, whose + "の有効期間が切れています（" + date(c.getNotAfter()) + "まで）。",
                        signer);
            }
            if (now.isBefore(c.getNotBefore().toInstant())) {
                return result(Outcome.NOT_YET_VALID,
                        whose + "の有効期間がまだ始まっていません（" + date(c.getNotBefore()) + "から）。", signer);
            }
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || !(usage[0] || usage.length > 1 && usage[1])) {
            return result(Outcome.WRONG_KEY_USAGE,
                    "署名に使われた証明書は電子署名用ではありません（署名用電子証明書で署名してください）。", signer);
        }
        List<X509CRL> crls = trust.crls(now);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1) : anchor;
            Optional<SignatureVerification> revocation = revocation(c, issuer, crls, now, signer, i == 0);
            if (revocation.isPresent()) {
                return revocation.get();
            }
        }
        return result(Outcome.VALID, "電子署名を確認しました（署名用電子証明書は有効で、内容は署名後に変更されていません）。", signer);
    }

    /**
     * A PKIX path to a trust anchor, validated at now or, for a certificate outside its validity, at the nearest
     * moment of its validity (so that an expired certificate of a trusted CA is reported as expired, not as
     * untrusted); validity itself is checked afterwards for every certificate.
     */
    private Optional<PKIXCertPathBuilderResult> path(X509Certificate certificate, List<X509Certificate> carried,
            Instant now) {
        Set<TrustAnchor> anchors = trust.anchors().stream().map(a -> new TrustAnchor(a, null))
                .collect(Collectors.toSet());
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        Instant at = now;
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            at = certificate.getNotAfter().toInstant();
        } else if (at.isBefore(certificate.getNotBefore().toInstant())) {
            at = certificate.getNotBefore().toInstant();
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            List<X509Certificate> certificates = new ArrayList<>(carried);
            certificates.add(certificate);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(certificates)));
            return Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters));
        } catch (CertPathBuilderException e) {
            log.info("No certification path to a trust anchor: {}", e.getMessage());
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            log.warn("Certification path could not be built: {}", e.toString());
            return Optional.empty();
        }
    }

    private Optional<SignatureVerification> revocation(X509Certificate certificate, X509Certificate issuer,
            List<X509CRL> crls, Instant now, SignerCertificate signer, boolean leaf) {
        X500Principal issuerName = certificate.getIssuerX500Principal();
        PublicKey issuerKey = issuer.getPublicKey();
        Optional<X509CRL> latest = crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(issuerName))
                .filter(crl -> !crl.getThisUpdate().toInstant().isAfter(now))
                .filter(crl -> signedBy(crl, issuerKey))
                .max(Comparator.comparing(X509CRL::getThisUpdate));
        String whose = leaf ? "署名に使われた証明書" : "署名に使われた証明書の発行元（中間認証局）の証明書";
        if (latest.isEmpty()) {
            return Optional.of(result(Outcome.REVOCATION_UNKNOWN, "発行元の失効情報（CRL）がないため、" + whose
                    + "が失効していないことを確認できません。時間をおいてもう一度お試しください。", signer));
        }
        X509CRL crl = latest.get();
        if (crl.getNextUpdate() != null && now.isAfter(crl.getNextUpdate().toInstant())) {
            return Optional.of(result(Outcome.REVOCATION_UNKNOWN, "発行元の失効情報（CRL）が古いため（" + date(
                    crl.getNextUpdate()) + "に更新予定のもの）、" + whose + "が失効していないことを確認できません。"
                    + "時間をおいてもう一度お試しください。", signer));
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null && !entry.getRevocationDate().toInstant().isAfter(now)) {
            return Optional.of(result(Outcome.REVOKED,
                    whose + "は失効しています（" + date(entry.getRevocationDate()) + "に失効）。", signer));
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509CRL crl, PublicKey key) {
        try {
            crl.verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static SignerCertificate describe(X509Certificate certificate) {
        JpkiSubjectFacts facts = JpkiSubjectFacts.of(certificate);
        return new SignerCertificate(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(), facts.name(),
                facts.address(), facts.birthDate(), facts.sex());
    }

    private String date(Date date) {
        return dates.format(date.toInstant());
    }

    private static SignatureVerification malformed(String reason, SignerCertificate signer) {
        return result(Outcome.MALFORMED, reason, signer);
    }

    private static SignatureVerification result(Outcome outcome, String reason, SignerCertificate signer) {
        return new SignatureVerification(outcome, reason, signer);
    }
}
