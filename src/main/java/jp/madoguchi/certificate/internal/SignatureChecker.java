package jp.madoguchi.certificate.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks the signature of a PDF independently of how it was made: the CMS (BouncyCastle) over exactly the bytes of
 * the ByteRange, the ByteRange covering the whole file but the signature value (so nothing was appended or changed
 * after signing), and the signer certificate.
 */
final class SignatureChecker {

    private SignatureChecker() {
    }

    /**
     * The result.
     *
     * @param signed whether the file has a signature at all
     * @param valid whether the CMS signature verifies over the ByteRange
     * @param coversWholeFile whether the ByteRange covers the whole file (no later change)
     * @param signer the signer certificate (from the CMS), if any
     * @param problem a Japanese explanation when not valid, else null
     */
    record Result(boolean signed, boolean valid, boolean coversWholeFile, Optional<X509Certificate> signer,
            String problem, String municipalityCode) {

        boolean intact() {
            return signed && valid && coversWholeFile;
        }
    }

    /** The CMS object at the start of /Contents (which is padded with zeros up to its reserved size). */
    static org.bouncycastle.asn1.cms.ContentInfo cmsOf(byte[] contents) throws IOException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
        }
    }

    static Result check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String municipality = document.getDocumentInformation().getCustomMetadataValue(
                    CertificateRenderer.MUNICIPALITY_KEY);
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Result(false, false, false, Optional.empty(), "署名がありません。", municipality);
            }
            PDSignature signature = signatures.get(signatures.size() - 1);
            int[] range = signature.getByteRange();
            boolean whole = range.length == 4 && range[0] == 0 && range[1] < range[2]
                    && (long) range[2] + range[3] == pdf.length;
            byte[] contents = signature.getContents(pdf);
            byte[] signedContent = signature.getSignedContent(pdf);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), cmsOf(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Result(true, false, whole, Optional.empty(), "署名者が1人ではありません。", municipality);
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return new Result(true, false, whole, Optional.empty(), "署名者の証明書が含まれていません。", municipality);
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean hasSigningCertificateV2 = signer.getSignedAttributes() != null
                    && signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null;
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            String problem = !valid ? "署名が内容と一致しません（改ざんされています）。"
                    : !whole ? "署名の後に内容が変更・追記されています。"
                    : !hasSigningCertificateV2 ? "PAdES の署名属性（signing-certificate-v2）がありません。" : null;
            return new Result(true, valid && hasSigningCertificateV2, whole, Optional.of(certificate), problem,
                    municipality);
        } catch (IOException e) {
            return new Result(false, false, false, Optional.empty(), "PDF として読めません。", null);
        } catch (Exception e) {
            return new Result(true, false, false, Optional.empty(), "署名を検証できません（署名データが壊れています）。", null);
        }
    }
}
