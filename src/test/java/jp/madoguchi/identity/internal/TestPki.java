package jp.madoguchi.identity.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import jp.madoguchi.identity.ResidentIdentity;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A small PKI made in the test: CAs, JPKI-style signing certificates, CRLs and detached CMS signatures
 * (BouncyCastle). RSA keys are generated once per JVM and reused, to keep the tests quick.
 */
final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<KeyPair> KEYS = new ArrayList<>();

    static synchronized KeyPair key(int index) {
        try {
            while (KEYS.size() <= index) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, RANDOM);
                KEYS.add(generator.generateKeyPair());
            }
            return KEYS.get(index);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA: its key and certificate. */
    record Ca(KeyPair keys, X509Certificate certificate) {
    }

    /** A signing card: its key and certificate (and the chain to include in signatures). */
    record Card(KeyPair keys, X509Certificate certificate, List<X509Certificate> extra) {
    }

    static Ca rootCa(String name, KeyPair keys, Instant notBefore, Instant notAfter) {
        X500Name subject = new X500Name(name);
        return new Ca(keys, certificate(subject, keys.getPrivate(), subject, keys, BigInteger.ONE, notBefore,
                notAfter, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null));
    }

    static Ca intermediateCa(Ca issuer, String name, KeyPair keys, Instant notBefore, Instant notAfter) {
        return new Ca(keys, certificate(X500Name.getInstance(issuer.certificate().getSubjectX500Principal()
                        .getEncoded()), issuer.keys().getPrivate(), new X500Name(name), keys,
                BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE), notBefore, notAfter, true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null));
    }

    static Card card(Ca issuer, KeyPair keys, Instant notBefore, Instant notAfter, int keyUsage,
            ResidentIdentity holder) {
        X509Certificate certificate = certificate(X500Name.getInstance(issuer.certificate().getSubjectX500Principal()
                        .getEncoded()), issuer.keys().getPrivate(), new X500Name("C=JP,CN=TEST-CARD-" + RANDOM.nextInt(1_000_000)),
                keys, BigInteger.valueOf(RANDOM.nextLong() & Long.MAX_VALUE).add(BigInteger.TWO), notBefore,
                notAfter, false, keyUsage, holder == null ? null : JpkiSubjectFacts.subjectAltName(holder));
        return new Card(keys, certificate, List.of());
    }

    static Card withChain(Card card, X509Certificate... extra) {
        return new Card(card.keys(), card.certificate(), List.of(extra));
    }

    static X509Certificate certificate(X500Name issuer, PrivateKey issuerKey, X500Name subject, KeyPair keys,
            BigInteger serial, Instant notBefore, Instant notAfter, boolean ca, int keyUsage, ASN1Encodable san) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (san != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, san);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509CRL crl(Ca ca, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        return crl(ca.certificate(), ca.keys().getPrivate(), thisUpdate, nextUpdate, revoked);
    }

    static X509CRL crl(X509Certificate issuer, PrivateKey key, Instant thisUpdate, Instant nextUpdate,
            X509Certificate... revoked) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, Date.from(thisUpdate));
            if (nextUpdate != null) {
                builder.setNextUpdate(Date.from(nextUpdate));
            }
            for (X509Certificate r : revoked) {
                builder.addCRLEntry(r.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(Card card, byte[] content) {
        return sign(card, content, "SHA256withRSA", false);
    }

    static byte[] sign(Card card, byte[] content, String algorithm, boolean encapsulate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(card.keys().getPrivate()), card.certificate()));
            List<X509Certificate> certificates = new ArrayList<>();
            certificates.add(card.certificate());
            certificates.addAll(card.extra());
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSProcessableByteArray(content), encapsulate)
                    .getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant days(Instant from, long days) {
        return from.plus(Duration.ofDays(days));
    }
}
