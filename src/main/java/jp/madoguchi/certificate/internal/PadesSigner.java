package jp.madoguchi.certificate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES baseline B-B (ETSI EN 319 142-1): PDFBox writes the signature dictionary (SubFilter
 * {@code ETSI.CAdES.detached}, signing time in {@code /M}) and saves incrementally for external signing; BouncyCastle
 * makes the detached CMS over the ByteRange with the signed attributes content-type, message-digest and
 * signing-certificate-v2 (ESSCertIDv2 with SHA-256) — and, as PAdES requires, without a CMS signing-time attribute.
 * No timestamp (B-T) yet: that needs a TSA the municipality contracts with.
 */
final class PadesSigner {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");

    private PadesSigner() {
    }

    static byte[] sign(byte[] unsignedPdf, SigningKeys.SigningKey key, String signerName, String location,
            Calendar signingTime) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(signerName);
            signature.setLocation(location);
            signature.setReason("証明書の発行（改ざん防止）");
            signature.setSignDate(signingTime);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(8192);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 20_000);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes(), key));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF に署名できません", e);
        }
    }

    static byte[] cms(byte[] content, SigningKeys.SigningKey key) {
        try {
            byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash,
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(key.certificate().getIssuerX500Principal().getEncoded()))),
                            key.certificate().getSerialNumber()));
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            DefaultSignedAttributeTableGenerator standard =
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            CMSAttributeTableGenerator withoutSigningTime = parameters -> standard.getAttributes(parameters)
                    .remove(CMSAttributes.signingTime);
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(signer, key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("署名（CMS）を作成できません: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
