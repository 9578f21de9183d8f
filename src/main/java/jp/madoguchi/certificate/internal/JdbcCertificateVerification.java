package jp.madoguchi.certificate.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import jp.madoguchi.certificate.CertificateState;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.CertificateVerification;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Public verification: by code (tenant from the code's municipality) and by uploaded PDF (signature first). */
@Service
class JdbcCertificateVerification implements CertificateVerification {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MunicipalityDirectory municipalities;
    private final SigningKeys keys;

    JdbcCertificateVerification(JdbcClient jdbc, TransactionTemplate transactions,
            MunicipalityDirectory municipalities, SigningKeys keys) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.municipalities = municipalities;
        this.keys = keys;
    }

    private record Stored(CertificateType type, String issueNumber, OffsetDateTime issuedAt, CertificateState state,
            byte[] pdf) {
    }

    private Optional<Stored> stored(String municipalityCode, String column, byte[] hash) {
        if (municipalityCode == null || municipalities.find(municipalityCode).isEmpty()) {
            return Optional.empty();
        }
        return TenantContext.callAs(municipalityCode, () -> transactions.execute(status -> jdbc.sql(
                "select certificate_type, issue_number, issued_at, state, pdf from certificate_issuance where "
                        + column + " = :hash")
                .param("hash", hash)
                .query((rs, n) -> new Stored(CertificateType.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), CertificateState.valueOf(rs.getString(4)),
                        rs.getBytes(5)))
                .optional()));
    }

    private Optional<Stored> byCodeStored(String municipalityCode, String code) {
        String normalised = VerificationCodes.normalise(code);
        return normalised == null ? Optional.empty()
                : stored(municipalityCode, "verification_hash", VerificationCodes.hash(normalised));
    }

    @Override
    public Optional<Verified> byCode(String municipalityCode, String code) {
        return byCodeStored(municipalityCode, code).map(s -> verified(municipalityCode, s));
    }

    private Verified verified(String municipalityCode, Stored s) {
        return new Verified(s.type(), s.issueNumber(), s.issuedAt().toInstant(),
                municipalities.find(municipalityCode).map(m -> m.fullName()).orElse(municipalityCode), s.state(),
                text(s.pdf()));
    }

    @Override
    public Optional<byte[]> page1Png(String municipalityCode, String code) {
        return byCodeStored(municipalityCode, code).map(s -> png(s.pdf()));
    }

    @Override
    public PdfCheck check(byte[] pdf) {
        SignatureChecker.Result result = SignatureChecker.check(pdf);
        if (!result.signed()) {
            return new PdfCheck(Outcome.NOT_SIGNED, result.problem(), null, Optional.empty());
        }
        String signer = result.signer().map(c -> c.getSubjectX500Principal().getName()).orElse(null);
        if (!result.intact()) {
            return new PdfCheck(Outcome.TAMPERED, "この PDF は改ざんされています: " + result.problem(), signer, Optional.empty());
        }
        Optional<X509Certificate> ours = result.municipalityCode() == null ? Optional.empty()
                : keys.certificateOf(result.municipalityCode());
        boolean trusted = ours.isPresent() && result.signer().isPresent()
                && Arrays.equals(encoded(ours.get()), encoded(result.signer().get()));
        if (!trusted) {
            return new PdfCheck(Outcome.UNKNOWN_SIGNER, "署名は有効ですが、発行自治体の署名鍵によるものではありません。", signer,
                    Optional.empty());
        }
        Optional<Stored> stored = stored(result.municipalityCode(), "pdf_sha256", JdbcSealRegistry.sha256(pdf));
        if (stored.isEmpty()) {
            return new PdfCheck(Outcome.UNKNOWN_SIGNER, "署名は有効ですが、この PDF の発行記録が見つかりません。", signer,
                    Optional.empty());
        }
        Verified v = verified(result.municipalityCode(), stored.get());
        if (v.state() != CertificateState.ISSUED) {
            return new PdfCheck(Outcome.GENUINE_BUT_INVALIDATED, v.state().verificationMessage(), signer, Optional.of(v));
        }
        return new PdfCheck(Outcome.GENUINE, "署名は有効で、発行した証明書と一致します（改ざんされていません）。", signer,
                Optional.of(v));
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return new byte[0];
        }
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // lines with variation glyphs are separate content streams
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 100);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
