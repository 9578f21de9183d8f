package jp.madoguchi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import jp.madoguchi.identity.ResidentIdentity;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.ResidentSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The 児童手当 form over HTTP: prefill, inline errors that keep what was typed, groups, uploads checked by content. */
@MadoguchiIntegrationTest
class ApplicationWebTest {

    @Autowired MockMvc mvc;

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    String startDraft(MockHttpSession session, String procedure) throws Exception {
        MvcResult r = mvc.perform(post("/apply/start").param("procedures", procedure).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).matches("/apply/drafts/[0-9a-f-]{36}/steps/0");
        return location.substring("/apply/drafts/".length(), location.indexOf("/steps"));
    }

    String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theFormNeedsASignInAndStartsPrefilledWithTheFourFacts() throws Exception {
        mvc.perform(get("/apply/jidou-teate-nintei")).andExpect(status().isOk());
        mvc.perform(get("/mypage")).andExpect(status().is3xxRedirection());
        MockHttpSession session = ResidentSignIn.session(ResidentSignIn.identity("prefill-" + UUID.randomUUID(), "窓口 花子"));
        String draft = startDraft(session, "jidou-teate-nintei");
        String html = page("/apply/drafts/" + draft + "/steps/0", session);
        assertThat(html).contains("value=\"窓口 花子\"", "value=\"マドグチ ハナコ\"", "長野県窓口町本町一丁目1番地1",
                "ステップ 1 / 5");
    }

    @Test
    void badInputIsShownInlineAndWhatWasTypedIsKept() throws Exception {
        MockHttpSession session = ResidentSignIn.session(ResidentSignIn.identity("bad-" + UUID.randomUUID(), "窓口 花子"));
        String draft = startDraft(session, "jidou-teate-nintei");
        String html = mvc.perform(multipart("/apply/drafts/" + draft + "/steps/0").session(session).with(csrf())
                        .param("action", "next").param("f.applicantName", "窓口 花子").param("f.applicantKana", "まどぐち はなこ")
                        .param("f.applicantBirthDate.era", "heisei").param("f.applicantBirthDate.y", "2")
                        .param("f.applicantBirthDate.m", "2").param("f.applicantBirthDate.d", "30")
                        .param("f.postcode", "39900").param("f.address", "長野県窓口町本町一丁目1番地1")
                        .param("f.phone", "0263-00-0000").param("f.email", "not-an-address").param("f.pension", "kyousai"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("error-summary", "郵便番号は7桁の数字で入力してください", "メールアドレスの形式が正しくありません",
                "公務員の方の児童手当は勤務先から支給されます", "value=\"39900\"", "value=\"not-an-address\"", "ステップ 1 / 5");
        assertThat(html).containsPattern("生年月日：[^<]*日付");
    }

    @Test
    void anUploadIsCheckedByItsContentNotItsName() throws Exception {
        MockHttpSession session = ResidentSignIn.session(ResidentSignIn.identity("upload-" + UUID.randomUUID(), "窓口 花子"));
        String draft = startDraft(session, "jidou-teate-nintei");
        // The attachments step is the 5th (index 4); the bank book copy is asked because no 公金受取口座 was chosen.
        String refused = mvc.perform(multipart("/apply/drafts/" + draft + "/steps/4")
                        .file(new MockMultipartFile("file.bankbookCopy", "通帳.png", "image/png", "MZ this is an exe".getBytes()))
                        .session(session).with(csrf()).param("action", "refresh"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("このファイルの形式は添付できません", "中身で判定");
        mvc.perform(multipart("/apply/drafts/" + draft + "/steps/4")
                        .file(new MockMultipartFile("file.bankbookCopy", "bankbook.dat", "application/octet-stream", png()))
                        .session(session).with(csrf()).param("action", "refresh"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/apply/drafts/" + draft + "/steps/4", session)).contains("添付済み", "bankbook.dat");
    }

    @Test
    void oversizedAndMalformedUploadsAreRefusedWithAMessage() throws Exception {
        MockHttpSession session = ResidentSignIn.session(ResidentSignIn.identity("big-" + UUID.randomUUID(), "窓口 花子"));
        String draft = startDraft(session, "jidou-teate-nintei");
        byte[] big = new byte[11 * 1024 * 1024];
        byte[] png = png();
        System.arraycopy(png, 0, big, 0, png.length);
        String tooLarge = mvc.perform(multipart("/apply/drafts/" + draft + "/steps/4")
                        .file(new MockMultipartFile("file.bankbookCopy", "big.png", "image/png", big))
                        .session(session).with(csrf()).param("action", "refresh"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooLarge).contains("ファイルが大きすぎます", "10MBまで");
        String broken = mvc.perform(multipart("/apply/drafts/" + draft + "/steps/4")
                        .file(new MockMultipartFile("file.bankbookCopy", "a.pdf", "application/pdf",
                                "%PDF-1.7\nthis is not really a PDF".getBytes()))
                        .session(session).with(csrf()).param("action", "refresh"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(broken).contains("PDFファイルが壊れているため読めません");
        assertThat(page("/apply/drafts/" + draft + "/steps/4", session)).doesNotContain("添付済み");
    }

    @Test
    void anotherResidentsDraftIsNotFound() throws Exception {
        MockHttpSession owner = ResidentSignIn.session(ResidentSignIn.identity("owner-" + UUID.randomUUID(), "窓口 花子"));
        String draft = startDraft(owner, "jidou-teate-nintei");
        MockHttpSession other = ResidentSignIn.session(ResidentSignIn.identity("other-" + UUID.randomUUID(), "窓口 次郎"));
        mvc.perform(get("/apply/drafts/" + draft + "/steps/0").session(other)).andExpect(status().isNotFound());
    }

    /** The reason of an error response: in the ProblemDetail body, or the servlet's error message. */
    static String message(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8) + " "
                + r.getResponse().getErrorMessage();
    }

    @Test
    void aCounterFormIsNotOfferedOnline() throws Exception {
        // 世帯主変更届 has a form for the one-stop counter, but no online channel pointing to /apply/setainushi-henkou.
        String index = mvc.perform(get("/apply")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(index).contains("児童手当 認定請求書").doesNotContain("世帯主変更").doesNotContain("葬祭費支給申請書");
        mvc.perform(get("/apply/setainushi-henkou")).andExpect(status().isNotFound())
                .andExpect(r -> assertThat(message(r)).contains("手続「setainushi-henkou」のオンライン申請はありません"));
        MockHttpSession session = ResidentSignIn.session(ResidentSignIn.identity("counter-" + UUID.randomUUID(), "窓口 花子"));
        mvc.perform(post("/apply/start").param("procedures", "kokuho-sousaihi").session(session).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(r -> assertThat(message(r)).contains("手続「kokuho-sousaihi」のオンライン申請はありません"));
    }
}
