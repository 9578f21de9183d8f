package jp.madoguchi.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.certificate.CertificateIssuance;
import jp.madoguchi.certificate.CertificateRefusedException;
import jp.madoguchi.certificate.CertificateRestrictions;
import jp.madoguchi.certificate.CertificateState;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.CertificateVerification;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.IssuedCertificate;
import jp.madoguchi.certificate.OptionalItem;
import jp.madoguchi.certificate.PaymentMethod;
import jp.madoguchi.certificate.PurposeCategory;
import jp.madoguchi.certificate.RefusalReason;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.certificate.Requester;
import jp.madoguchi.certificate.SealRegistry;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;
import jp.madoguchi.notification.Notifications;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.resident.RegisterItems;
import jp.madoguchi.resident.ResidentRegistration;
import jp.madoguchi.resident.Standing;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Certificates end to end on the embedded PostgreSQL: text of each kind (variant characters, 和暦, 認証文, optional
 * items only when asked and allowed), the signature checked with BouncyCastle and poppler's pdfsig, the QR code on the
 * rendered page, the public verify page (genuine, revoked, tampered), and the refusals (third party without purpose,
 * DV restriction, moved-out person, missing seal, a character the font lacks), 本人通知 in the outbox.
 */
@MadoguchiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateIssuanceTest {

    static final String DEMO = DemoDataLoader.DEMO_MUNICIPALITY.code();
    static final AuditEvent.Actor STAFF = AuditEvent.Actor.staff(1, "テスト 職員");

    @Autowired CertificateIssuance issuance;
    @Autowired CertificateVerification verification;
    @Autowired CertificateRestrictions restrictions;
    @Autowired SealRegistry seals;
    @Autowired ResidentRegistration registration;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired jp.madoguchi.platform.MunicipalityDirectory municipalities;
    @Autowired java.time.Clock clock;

    @org.junit.jupiter.api.extension.RegisterExtension
    static com.icegreen.greenmail.junit5.GreenMailExtension smtp =
            new com.icegreen.greenmail.junit5.GreenMailExtension(com.icegreen.greenmail.util.ServerSetupTest.SMTP);

    String head;
    String spouse;
    String child;
    String ivsPerson;
    String movingPerson;
    String undefinedIvsPerson;
    /** A family name with an IVS the certificate font defines: MJ (E0102) for IPAmj明朝, Adobe-Japan1 (E0100) for Noto. */
    String ivsFamily;
    @Autowired CertificateFont certificateFont;
    final MyNumber headNumber = myNumber("12345678901");

    static MyNumber myNumber(String eleven) {
        return new MyNumber(eleven + CheckDigits.myNumberCheckDigit(eleven));
    }

    @BeforeAll
    void household() {
        List<String> atenas = new java.util.ArrayList<>();
        String base = "077700000";
        for (int i = 0; i < 6; i++) {
            base = CheckDigits.nextIssuable(base);
            atenas.add(CheckDigits.appendModulus11(base));
        }
        head = atenas.get(0);
        spouse = atenas.get(1);
        child = atenas.get(2);
        ivsPerson = atenas.get(3);
        movingPerson = atenas.get(4);
        undefinedIvsPerson = atenas.get(5);
        ivsFamily = certificateFont.fonts().origin().location().endsWith("ipamjm.ttf") ? "葛\uDB40\uDD02西"
                : "葛\uDB40\uDD00西";
        String household = CheckDigits.appendModulus11(CheckDigits.nextIssuable("0777000"));
        String household2 = CheckDigits.appendModulus11(CheckDigits.nextIssuable("0777100"));
        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
            if (jdbc.sql("select count(*) from resident_record where atena_number = :a").param("a", head)
                    .query(Integer.class).single() > 0) {
                return;
            }
            registration.addTownAreas(List.of(new ResidentRegistration.TownArea("T99", "試験町", "シケンチョウ")));
            registration.addHouseholds(List.of(household, household2));
            registration.registerAll(List.of(
                    person(head, household, "世帯主", "髙橋", "一郎", "タカハシ　イチロウ", LocalDate.of(1975, 4, 3), "1"),
                    person(spouse, household, "妻", "髙橋", "﨑子", "タカハシ　サキコ", LocalDate.of(1978, 11, 20), "2"),
                    person(child, household, "子", "髙橋", "翔", "タカハシ　ショウ", LocalDate.of(2016, 6, 1), "1"),
                    person(ivsPerson, household2, "世帯主", ivsFamily, "花子", "カサイ　ハナコ",
                            LocalDate.of(1960, 1, 1), "2"),
                    person(undefinedIvsPerson, household2, "母", "葛\uDB40\uDDEF西", "トメ", "カサイ　トメ",
                            LocalDate.of(1935, 3, 3), "2"),
                    person(movingPerson, household2, "子", "葛西", "次郎", "カサイ　ジロウ", LocalDate.of(1990, 2, 2), "1")),
                    "test");
            registration.recordItems(head, new RegisterItems("長野県窓口町本町一丁目1番地", "髙橋　一郎", "12345678901", false), "test");
            registration.recordItems(spouse, new RegisterItems("長野県窓口町本町一丁目1番地", "髙橋　一郎", "23456789012", false), "test");
            registration.recordMyNumber(head, headNumber, false, "test");
        }));
    }

    static ResidentRegistration.NewResident person(String atena, String household, String relationship, String family,
            String given, String kana, LocalDate birth, String sex) {
        return new ResidentRegistration.NewResident(atena, household, relationship, "1", "1", family, given, kana, null,
                null, null, RegisterDate.of(birth), sex, "T99", "1番地1", LocalDate.of(2010, 4, 1), "move_in");
    }

    IssuanceRequest request(CertificateType type, String subject, boolean household, Set<OptionalItem> items,
            RequestType who, Requester requester) {
        return new IssuanceRequest(type, subject, household, List.of(), items, null, who, requester, null, null, null,
                null, false, null, Channel.COUNTER, 1, PaymentMethod.CASH, null, STAFF, "test");
    }

    IssuedCertificate issue(IssuanceRequest r) {
        return TenantContext.callAs(DEMO, () -> issuance.issue(r));
    }

    CertificateRefusedException refused(IssuanceRequest r) {
        try {
            issue(r);
        } catch (CertificateRefusedException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void aWholeHouseholdCopyPrintsVariantCharactersWarekiAttestationAndOnlyTheItemsAskedFor() throws Exception {
        IssuedCertificate c = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, true,
                Set.of(OptionalItem.RELATIONSHIP, OptionalItem.DOMICILE), RequestType.SELF, null));
        String text = text(c.pdf());
        assertThat(text).contains("住民票の写し", "髙橋　一郎", "髙橋　﨑子", "髙橋　翔", "昭和50年4月3日", "平成28年6月1日",
                "この写しは、住民票の原本と相違ないことを証明する。", "窓口町長　窓口　太郎", "長野県窓口町", c.issueNumber(),
                c.verificationCode(), "続柄", "世帯主", "妻", "本籍", "長野県窓口町本町一丁目1番地", "筆頭者");
        assertThat(text).doesNotContain("住民票コード", "個人番号", "12345678901");
        assertThat(c.legalBasis()).isEqualTo("住民基本台帳法第12条第1項");
        assertThat(c.feeTotal()).isEqualTo(300);

        IssuedCertificate plain = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, false, Set.of(),
                RequestType.SELF, null));
        assertThat(text(plain.pdf())).contains("髙橋　一郎").doesNotContain("髙橋　﨑子", "本籍", "続柄", "筆頭者");
    }

    @Test
    void myNumberIsPrintedForThePersonAndNeverForAThirdParty() throws Exception {
        IssuedCertificate c = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, false,
                Set.of(OptionalItem.MY_NUMBER, OptionalItem.JUMINHYO_CODE), RequestType.SELF, null));
        assertThat(text(c.pdf())).contains("個人番号", headNumber.digits(), "住民票コード", "12345678901");
        IssuanceRequest third = new IssuanceRequest(CertificateType.RESIDENT_RECORD_COPY, head, false, List.of(),
                Set.of(OptionalItem.MY_NUMBER), null, RequestType.THIRD_PARTY,
                new Requester("債権　回収", null, null, "東京都千代田区1-1"), PurposeCategory.OWN_RIGHTS_OR_DUTIES,
                "貸金返還請求訴訟の提起", null, null, false, null, Channel.COUNTER, 1, PaymentMethod.CASH, null, STAFF,
                "test");
        CertificateRefusedException e = refused(third);
        assertThat(e.reason()).isEqualTo(RefusalReason.ITEM_NOT_ALLOWED);
        assertThat(e.getMessage()).contains("個人番号");
    }

    @Test
    void aThirdPartyWithoutALegitimatePurposeIsRefusedAndTheRefusalRecorded() {
        CertificateRefusedException e = refused(request(CertificateType.RESIDENT_RECORD_COPY, spouse, false, Set.of(),
                RequestType.THIRD_PARTY, new Requester("興味　本位", null, null, "どこか")));
        assertThat(e.reason()).isEqualTo(RefusalReason.NO_LEGITIMATE_PURPOSE);
        assertThat(TenantContext.callAs(DEMO, () -> issuance.refusedOn(LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")))))
                .anyMatch(r -> r.subjectAtena().equals(spouse) && r.reason() == RefusalReason.NO_LEGITIMATE_PURPOSE);
    }

    @Test
    void theRestrictedPartyOfASupportMeasureIsRefusedHoweverTheyAsk() {
        TenantContext.runAs(DEMO, () -> restrictions.addSupportMeasure(spouse, false,
                new Requester("加害　次郎", LocalDate.of(1970, 5, 5), null, null), LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1)));
        IssuanceRequest byAbuser = new IssuanceRequest(CertificateType.RESIDENT_RECORD_COPY, spouse, false, List.of(),
                Set.of(), null, RequestType.THIRD_PARTY, new Requester("加害次郎", LocalDate.of(1970, 5, 5), null,
                        "某所"), PurposeCategory.OWN_RIGHTS_OR_DUTIES, "離婚調停のため", null, null, false, null,
                Channel.COUNTER, 1, PaymentMethod.CASH, null, STAFF, "test");
        CertificateRefusedException e = refused(byAbuser);
        assertThat(e.reason()).isEqualTo(RefusalReason.SUPPORT_MEASURE);
        assertThat(e.getMessage()).contains("支援措置", spouse);
        // The household copy asked for by the head includes the protected person: the head is not the restricted party.
        assertThat(issue(request(CertificateType.RESIDENT_RECORD_COPY, head, true, Set.of(), RequestType.SELF, null))
                .issueNumber()).isNotBlank();
    }

    @Test
    void requestsWithoutAValidBasisOrAMissingSealAreRefusedRecordedAndNeverNumbered() {
        TenantContext.runAs(DEMO, () -> restrictions.addSupportMeasure(ivsPerson, true, null,
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1)));
        int issuedBefore = issuedCount();
        // Never registered a seal (not only abolished).
        CertificateRefusedException noSeal = refused(new IssuanceRequest(CertificateType.SEAL_CERTIFICATE, spouse,
                false, List.of(), Set.of(), null, RequestType.SELF, null, null, null, null, null, false, "S0001",
                Channel.COUNTER, 1, PaymentMethod.CASH, null, STAFF, "test"));
        assertThat(noSeal.reason()).isEqualTo(RefusalReason.NO_SEAL_REGISTRATION);
        assertThat(noSeal.getMessage()).contains(spouse, "印鑑登録はありません");
        // An agent without a 委任状.
        CertificateRefusedException noLetter = refused(request(CertificateType.RESIDENT_RECORD_COPY, head, false,
                Set.of(), RequestType.PROXY, new Requester("代理　花子", null, null, "長野市1-1")));
        assertThat(noLetter.reason()).isEqualTo(RefusalReason.NO_PROXY_LETTER);
        assertThat(noLetter.getMessage()).contains("委任状");
        // 職務上請求 without the registration number.
        CertificateRefusedException noNumber = refused(new IssuanceRequest(CertificateType.RESIDENT_RECORD_COPY, head,
                false, List.of(), Set.of(), null, RequestType.OFFICIAL_DUTY, new Requester("弁護　士", null, null,
                        "長野市1-1"), null, "訴訟の提起", "弁護士", " ", false, null, Channel.COUNTER, 1,
                PaymentMethod.CASH, null, STAFF, "test"));
        assertThat(noNumber.reason()).isEqualTo(RefusalReason.NO_PROFESSION);
        assertThat(noNumber.getMessage()).contains("登録番号");
        // 「同一世帯」 claimed by someone of another household.
        CertificateRefusedException notHousehold = refused(request(CertificateType.RESIDENT_RECORD_COPY, head, false,
                Set.of(), RequestType.SAME_HOUSEHOLD, new Requester("葛西　花子", null, ivsPerson, null)));
        assertThat(notHousehold.reason()).isEqualTo(RefusalReason.NOT_SAME_HOUSEHOLD);
        assertThat(notHousehold.getMessage()).contains(ivsPerson);
        // A support measure covering every third party refuses even an agent with a 委任状.
        CertificateRefusedException protectedPerson = refused(new IssuanceRequest(
                CertificateType.RESIDENT_RECORD_ITEMS, ivsPerson, false, List.of(), Set.of(), null, RequestType.PROXY,
                new Requester("代理　一郎", null, null, "長野市1-1"), null, null, null, null, true, null,
                Channel.COUNTER, 1, PaymentMethod.CASH, null, STAFF, "test"));
        assertThat(protectedPerson.reason()).isEqualTo(RefusalReason.SUPPORT_MEASURE);
        assertThat(protectedPerson.getMessage()).contains(ivsPerson, "代理人・第三者・職務上請求");

        assertThat(issuedCount()).as("a refused request is never numbered or printed").isEqualTo(issuedBefore);
        var refusals = TenantContext.callAs(DEMO, () -> issuance.refusedOn(LocalDate.now(java.time.ZoneId.of(
                "Asia/Tokyo"))));
        for (var expected : List.of(noSeal, noLetter, noNumber, notHousehold, protectedPerson)) {
            assertThat(refusals).as(expected.reason().name()).anyMatch(r -> r.reason() == expected.reason()
                    && r.message().equals(expected.getMessage()));
        }
    }

    int issuedCount() {
        return TenantContext.callAs(DEMO, () -> tx.execute(s -> jdbc.sql("select count(*) from certificate_issuance")
                .query(Integer.class).single()));
    }

    @Test
    void aRegistrantOfPersonalNotificationIsToldWhenAProfessionalObtainsTheirCertificate() throws Exception {
        TenantContext.runAs(DEMO, () -> restrictions.registerPersonalNotification(child, "child-notice@example.jp",
                LocalDate.now()));
        IssuanceRequest duty = new IssuanceRequest(CertificateType.RESIDENT_RECORD_COPY, child, false, List.of(),
                Set.of(), null, RequestType.OFFICIAL_DUTY, new Requester("司法　書士", null, null, "長野市1-1"), null,
                "相続登記の申請", "司法書士", "長野第123号", false, null, Channel.POST, 1, PaymentMethod.POSTAL_ORDER,
                "AB-123456", STAFF, "test");
        IssuedCertificate c = issue(duty);
        assertThat(c.legalBasis()).isEqualTo("住民基本台帳法第12条の3第2項");
        var sent = TenantContext.callAs(DEMO, () -> tx.execute(s -> notifications.recent(50)));
        assertThat(sent).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo("child-notice@example.jp");
            assertThat(m.body()).contains("職務上請求", c.issueNumber()).doesNotContain("司法　書士", "髙橋");
        });
        // Delivered over SMTP (GreenMail) by the real dispatcher, after the issuance committed.
        jp.madoguchi.notification.internal.SmtpTestDispatch.send(jdbc, tx, municipalities, clock, DEMO,
                com.icegreen.greenmail.util.ServerSetupTest.SMTP.getPort());
        var received = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return com.icegreen.greenmail.util.GreenMailUtil.getAddressList(m.getAllRecipients())
                        .contains("child-notice@example.jp");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).contains("本人通知制度");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received.get(0))).isNotBlank();
    }

    @Test
    void aMovedOutPersonGetsOnlyARemovedRecordAndTheirSealIsAbolished() throws Exception {
        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> {
            if (seals.active(movingPerson).isEmpty() && jdbc.sql(
                    "select count(*) from seal_registration where atena_number = :a").param("a", movingPerson)
                    .query(Integer.class).single() == 0) {
                seals.register(movingPerson, "T0001", CertificateDemoContent.sealImage("葛西"), STAFF);
            }
        }));
        IssuedCertificate seal = issue(new IssuanceRequest(CertificateType.SEAL_CERTIFICATE, movingPerson, false,
                List.of(), Set.of(), null, RequestType.SELF, null, null, null, null, null, false, "T0001",
                Channel.COUNTER, 1, PaymentMethod.CASHLESS, null, STAFF, "test"));
        assertThat(text(seal.pdf())).contains("印鑑登録証明書", "葛西　次郎", "この写しは、登録された印影と相違ないことを証明する。");
        assertThat(refused(new IssuanceRequest(CertificateType.SEAL_CERTIFICATE, movingPerson, false, List.of(),
                Set.of(), null, RequestType.SELF, null, null, null, null, null, false, "WRONG1", Channel.COUNTER, 1,
                PaymentMethod.CASH, null, STAFF, "test")).reason()).isEqualTo(RefusalReason.SEAL_CARD_MISMATCH);

        TenantContext.runAs(DEMO, () -> tx.executeWithoutResult(s -> registration.recordRemoval(movingPerson,
                Standing.MOVED_OUT, LocalDate.of(2026, 3, 31), "test")));
        assertThat(TenantContext.callAs(DEMO, () -> seals.active(movingPerson))).isEmpty();
        assertThat(refused(request(CertificateType.RESIDENT_RECORD_COPY, movingPerson, false, Set.of(),
                RequestType.SELF, null)).reason()).isEqualTo(RefusalReason.REMOVED_USE_REMOVED_RECORD);
        assertThat(refused(new IssuanceRequest(CertificateType.SEAL_CERTIFICATE, movingPerson, false, List.of(),
                Set.of(), null, RequestType.SELF, null, null, null, null, null, false, "T0001", Channel.COUNTER, 1,
                PaymentMethod.CASH, null, STAFF, "test")).reason()).isEqualTo(RefusalReason.NO_SEAL_REGISTRATION);
        IssuedCertificate removed = issue(request(CertificateType.REMOVED_RECORD_COPY, movingPerson, false, Set.of(),
                RequestType.SELF, null));
        assertThat(text(removed.pdf())).contains("住民票の除票の写し", "葛西　次郎", "令和8年3月31日", "転出",
                "この写しは、住民票の除票の原本と相違ないことを証明する。");
        assertThat(removed.legalBasis()).isEqualTo("住民基本台帳法第15条の4第1項");
    }

    @Test
    void anIvsNameIsPrintedWithTheVariantGlyphWhenTheFontDefinesItAndRefusedOtherwise() throws Exception {
        IssuedCertificate c = issue(request(CertificateType.RESIDENT_RECORD_ITEMS, ivsPerson, false, Set.of(),
                RequestType.SELF, null));
        assertThat(text(c.pdf())).contains(ivsFamily + "　花子", "住民票記載事項証明書",
                "上記のとおり住民票に記載されていることを証明する。", "昭和35年1月1日");

        CertificateRefusedException e = refused(request(CertificateType.RESIDENT_RECORD_ITEMS, undefinedIvsPerson,
                false, Set.of(), RequestType.SELF, null));
        assertThat(e.reason()).isEqualTo(RefusalReason.MISSING_GLYPH);
        assertThat(e.getMessage()).contains("U+845B U+E01EF");
    }

    @Test
    void theSignatureVerifiesWithBouncyCastleAndPdfsigAndTheQrCodeLeadsToTheVerifyPage() throws Exception {
        IssuedCertificate c = issue(request(CertificateType.RESIDENT_RECORD_ITEMS, head, false, Set.of(),
                RequestType.SELF, null));
        byte[] pdf = c.pdf();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            PDSignature sig = d.getLastSignatureDictionary();
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = sig.getByteRange();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);
            // Independent of SignatureChecker: BouncyCastle over the ByteRange bytes, the CMS read from /Contents.
            org.bouncycastle.asn1.cms.ContentInfo info;
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(sig.getContents(pdf))) {
                info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), info);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
            assertThat(cert.getSubject().toString()).contains("窓口町 公印（デモ）");
            assertThat(signer.getSignedAttributes().get(
                    org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(
                    org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNull();
            BufferedImage page = new PDFRenderer(d).renderImageWithDPI(0, 200);
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page.getSubimage(0, page.getHeight() * 3 / 4,
                            page.getWidth() / 3, page.getHeight() / 4))))).getText();
            assertThat(qr).endsWith("/verify?m=" + DEMO + "&code=" + c.verificationCode());
            // Layout regions (the page holds a date, numbers and a random code, so no pixel golden): the title is
            // centred in its band, and the red seal square sits at the foot on the right.
            double pxPerMm = page.getWidth() / 210.0;
            int left = Integer.MAX_VALUE;
            int right = -1;
            for (int y = (int) (22 * pxPerMm); y < (int) (32 * pxPerMm); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFF) < 128) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            assertThat(right).isPositive();
            assertThat(Math.abs((left + right) / 2.0 / pxPerMm - 105)).isLessThan(3.0);
            int red = 0;
            for (int y = (int) (240 * pxPerMm); y < (int) (262 * pxPerMm); y++) {
                for (int x = (int) (168 * pxPerMm); x < (int) (194 * pxPerMm); x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xFF) > 150 && ((rgb >> 8) & 0xFF) < 90) {
                        red++;
                    }
                }
            }
            assertThat(red).isGreaterThan(100);
        }
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        if (Files.isExecutable(pdfsig)) {
            Path file = Files.createTempFile("certificate", ".pdf");
            Files.write(file, pdf);
            Process p = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
            p.waitFor(60, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(out).contains("Signature Validation: Signature is Valid.").contains("ETSI.CAdES.detached");
            Files.write(file, flipOneSignedByte(pdf));
            Process q = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
            q.waitFor(60, TimeUnit.SECONDS);
            assertThat(new String(q.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("Signature is Valid.");
            Files.delete(file);
        }
    }

    @Test
    void counterStaffIssueAndAreToldWhyNotThroughTheOfficeScreens() throws Exception {
        var session = jp.madoguchi.support.OfficeSession.signIn(mvc, DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/certificates").param("atena", head).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("交付する")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/office/certificates")
                        .session(session).with(csrf()).param("atena", head).param("type", "RESIDENT_RECORD_COPY")
                        .param("requestType", "THIRD_PARTY").param("requesterName", "第三　者"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("正当な目的のない請求には交付できません")));
        // A requester's birth date that cannot be read is reported, not dropped (it is what a DV restriction matches).
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/office/certificates")
                        .session(session).with(csrf()).param("atena", head).param("type", "RESIDENT_RECORD_COPY")
                        .param("requestType", "PROXY").param("requesterName", "代理　人").param("proxyLetter", "true")
                        .param("requesterBirth", "昭和のころ"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("請求者の生年月日「昭和のころ」を読み取れません")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/office/certificates")
                        .session(session).with(csrf()).param("atena", head).param("type", "RESIDENT_RECORD_COPY")
                        .param("wholeHousehold", "true").param("requestType", "SELF").param("copies", "2")
                        .param("paymentMethod", "CASHLESS"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("600円")));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        mvc.perform(get("/office/certificates/daily.csv").param("from", today.toString()).param("to", today.toString())
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("窓口,キャッシュレス")));
        mvc.perform(multipart("/office/seals/register").file(new MockMultipartFile("image", "seal.txt", "image/png",
                                "not an image".getBytes()))
                        .param("atena", spouse).param("cardNumber", "X1234").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error",
                        org.hamcrest.Matchers.containsString("PNG または JPEG")));
    }

    /**
     * One bit changed inside the signed bytes, where the file stays readable: the binary comment on the PDF's second
     * line (bytes ≥ 0x80 that readers skip), which the ByteRange covers.
     */
    static byte[] flipOneSignedByte(byte[] pdf) {
        byte[] tampered = pdf.clone();
        int secondLine = 0;
        while (tampered[secondLine] != '\n') {
            secondLine++;
        }
        int at = secondLine + 2;
        assertThat(tampered[secondLine + 1]).isEqualTo((byte) '%');
        assertThat(tampered[at] & 0xFF).isGreaterThanOrEqualTo(0x80);
        tampered[at] = (byte) (tampered[at] ^ 0x01);
        return tampered;
    }

    @Test
    void theVerifyPageShowsGenuineRevokedAndTamperedCertificates() throws Exception {
        IssuedCertificate c = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, false, Set.of(),
                RequestType.SELF, null));
        String code = c.verificationCode().toLowerCase().replace("-", " ");
        mvc.perform(get("/verify").param("m", DEMO).param("code", code))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有効な証明書です")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(c.issueNumber())));
        mvc.perform(get("/verify/page1.png").param("m", DEMO).param("code", c.verificationCode()))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(multipart("/verify/pdf").file(new MockMultipartFile("file", "c.pdf", "application/pdf", c.pdf()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("発行した証明書と一致します")));
        byte[] tampered = flipOneSignedByte(c.pdf());
        assertThat(verification.check(tampered).outcome()).isEqualTo(CertificateVerification.Outcome.TAMPERED);
        // A change saved after signing (an incremental update, as a PDF editor would append) is caught too.
        byte[] appended;
        try (PDDocument d = Loader.loadPDF(c.pdf())) {
            d.getDocumentInformation().setTitle("書き換えた証明書");
            d.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            var out = new java.io.ByteArrayOutputStream();
            d.saveIncremental(out);
            appended = out.toByteArray();
        }
        assertThat(appended.length).isGreaterThan(c.pdf().length);
        var appendedCheck = verification.check(appended);
        assertThat(appendedCheck.outcome()).isEqualTo(CertificateVerification.Outcome.TAMPERED);
        assertThat(appendedCheck.message()).contains("署名の後に内容が変更・追記されています");
        mvc.perform(multipart("/verify/pdf").file(new MockMultipartFile("file", "c.pdf", "application/pdf", tampered))
                        .with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("改ざんされています")));

        TenantContext.runAs(DEMO, () -> issuance.revoke(c.id(), "誤交付のため", STAFF));
        mvc.perform(get("/verify").param("m", DEMO).param("code", c.verificationCode()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("この証明書は取り消されています")));
        assertThat(verification.check(c.pdf()).outcome())
                .isEqualTo(CertificateVerification.Outcome.GENUINE_BUT_INVALIDATED);
        mvc.perform(get("/verify").param("m", DEMO).param("code", "0000-0000-0000-0000-0000"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("見つかりません")));

        IssuedCertificate replacement = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, false, Set.of(),
                RequestType.SELF, null));
        IssuedCertificate old = issue(request(CertificateType.RESIDENT_RECORD_COPY, head, false, Set.of(),
                RequestType.SELF, null));
        TenantContext.runAs(DEMO, () -> issuance.supersede(old.id(), replacement.id(), "記載誤り", STAFF));
        assertThat(verification.byCode(DEMO, old.verificationCode()).orElseThrow().state())
                .isEqualTo(CertificateState.SUPERSEDED);
        mvc.perform(get("/verify").param("m", DEMO).param("code", old.verificationCode()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("新しい証明書に差し替えられています")));
    }
}
