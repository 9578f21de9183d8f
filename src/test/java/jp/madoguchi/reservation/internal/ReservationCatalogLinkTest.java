package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Services linked to the procedure catalog: codes validated against the catalog in force, what to bring taken from
 * the catalog on the booking page, the confirmation page and the confirmation message (the service's own text
 * otherwise), and the guide's link carrying procedures preselects the services serving them.
 */
@MadoguchiIntegrationTest
class ReservationCatalogLinkTest {

    /**
     * An item of 転出届 (tenshutsu-todoke) in the demo catalog's bring list. (Tests share one database: the
     * procedures linked here are not those whose preselection is checked below.)
     */
    static final String TENSHUTSU_ITEM = "国民健康保険の資格確認書・保険証（加入している方）";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    MockHttpSession admin() throws Exception {
        return OfficeSession.signIn(mvc, Fixtures.DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
    }

    MvcResult addService(MockHttpSession admin, String code, String prefix, String procedures) throws Exception {
        return mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", code).param("name", "連携 " + code).param("duration", "15").param("capacity", "2")
                .param("prefix", prefix).param("whatToBring", "サービス独自の持ち物").param("active", "true")
                .param("procedureCodes", procedures).param("counters", "counter-1")).andReturn();
    }

    @Test
    void unknownProcedureCodesAreRefusedAndNothingIsSaved() throws Exception {
        MockHttpSession admin = admin();
        MvcResult r = addService(admin, "link-bad", "X", "tennyu-todoke, no-such-procedure");
        assertThat(r.getFlashMap().get("fieldError")).isEqualTo("procedureCodes");
        assertThat((String) r.getFlashMap().get("error"))
                .contains("手続コード「no-such-procedure」は、現在有効な手続カタログ", "にありません");
        r = addService(admin, "link-bad", "X", "転入届");
        assertThat((String) r.getFlashMap().get("error")).contains("手続コード「転入届」の形式が正しくありません");
        assertThat(Fixtures.rows(tx, jdbc, "select 1 from reservation_service where code = 'link-bad'", Map.of()))
                .isEmpty();
    }

    @Test
    void whatToBringComesFromTheCatalogOnTheBookingPageTheConfirmationAndTheMessage() throws Exception {
        MockHttpSession admin = admin();
        // full-width and upper case are accepted, separated by 、
        MvcResult r = addService(admin, "link-ok", "Y", "ＴＥＮＳＨＵＴＳＵ-todoke、kokuho-kanyu");
        assertThat(r.getFlashMap().get("error")).isNull();
        assertThat(Fixtures.rows(tx, jdbc, "select procedure_code from reservation_service_procedure"
                + " where service_code = 'link-ok' order by position", Map.of()))
                .extracting(m -> m.get("procedure_code")).containsExactly("tenshutsu-todoke", "kokuho-kanyu");

        LocalDate day = Fixtures.openDay(clock, 6);
        String form = mvc.perform(get("/reservations/link-ok/book").param("at", day + "T10:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("転出届", TENSHUTSU_ITEM, "国民健康保険の加入", "代理人（委任状が必要）が来庁するとき")
                .doesNotContain("サービス独自の持ち物");

        MvcResult booked = mvc.perform(post("/reservations/link-ok/book").with(csrf()).param("at", day + "T10:00")
                .param("name", "連携 太郎").param("contactKind", "EMAIL").param("contact", "link-ok@example.jp"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String manage = mvc.perform(get(booked.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(manage).contains(TENSHUTSU_ITEM);
        var body = Fixtures.rows(tx, jdbc, "select body from notification_outbox where recipient = 'link-ok@example.jp'",
                Map.of());
        assertThat((String) body.get(0).get("body")).contains("【転出届】", TENSHUTSU_ITEM);

        // the list of services names the procedures a service serves
        assertThat(mvc.perform(get("/reservations")).andReturn().getResponse().getContentAsString())
                .contains("受け付ける手続：転出届、国民健康保険の加入");
    }

    @Test
    void withoutProceduresTheServicesOwnTextIsShown() throws Exception {
        MockHttpSession admin = admin();
        assertThat(addService(admin, "link-none", "M", "").getFlashMap().get("error")).isNull();
        LocalDate day = Fixtures.openDay(clock, 6);
        String form = mvc.perform(get("/reservations/link-none/book").param("at", day + "T11:00"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("サービス独自の持ち物").doesNotContain("手続カタログ（手続き案内）の内容です");
    }

    @Test
    void theGuidesLinkWithProceduresPreselectsTheServicesServingThem() throws Exception {
        // 転入届 and 転居届 are both served by 転入・転出 in the demo: straight to its calendar
        mvc.perform(get("/reservations").param("procedures", "tennyu-todoke,tenkyo-todoke"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/reservations/moving"));
        // two services, and a procedure that no service serves
        String page = mvc.perform(get("/reservations").param("procedures", "tennyu-todoke,kokuho-soushitsu,koseki-shoumei"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String preselected = page.substring(page.indexOf("preselected-heading"), page.indexOf("all-services"));
        assertThat(preselected).contains("転入・転出", "国民健康保険・年金").doesNotContain("住民票・証明書");
        assertThat(page).contains("次の手続は来庁予約の対象ではありません", "戸籍証明書・除籍謄本・住民票除票の請求");
        // the old form of the link still works
        mvc.perform(get("/reservations").param("services", "moving")).andExpect(redirectedUrl("/reservations/moving"));
    }
}
