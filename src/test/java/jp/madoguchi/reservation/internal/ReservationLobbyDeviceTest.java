package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lobby devices: outside demo mode the ticket machine, check-in and the call display refuse an unregistered browser
 * (403, Japanese); an administrator registers a device and gets a one-time code; the enrolled device's signed cookie
 * opens the pages it is allowed, until it is revoked. The test context runs the demo profile, where unregistered
 * browsers are let in: the enforcement tests switch that off for their duration.
 */
@MadoguchiIntegrationTest
class ReservationLobbyDeviceTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired LobbyDevices devices;

    @BeforeEach
    void setUp() {
        Fixtures.service(tx, jdbc, "lobby-test", "T", 5);
    }

    @AfterEach
    void demoAgain() {
        devices.openWithoutEnrolment(true);
    }

    MockHttpSession admin() throws Exception {
        return OfficeSession.signIn(mvc, Fixtures.DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
    }

    long tickets() {
        return ((Number) Fixtures.rows(tx, jdbc, "select count(*) as n from queue_ticket where service_code = 'lobby-test'",
                Map.of()).get(0).get("n")).longValue();
    }

    LobbyDevices.Registration register(MockHttpSession admin, String name, String... pages) throws Exception {
        MvcResult r = mvc.perform(post("/office/reservations/devices").session(admin).with(csrf())
                .param("name", name).param("pages", pages)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getFlashMap().get("error")).isNull();
        assertThat((String) r.getFlashMap().get("enrolLink")).contains("/kiosk/enrol?code=");
        return (LobbyDevices.Registration) r.getFlashMap().get("registration");
    }

    Cookie enrol(String code) throws Exception {
        MvcResult r = mvc.perform(post("/kiosk/enrol").with(csrf()).param("code", code)).andExpect(status().isOk())
                .andReturn();
        Cookie cookie = r.getResponse().getCookie(LobbyDevices.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/kiosk");
        assertThat(cookie.getMaxAge()).isGreaterThan(365 * 24 * 3600);
        return cookie;
    }

    @Test
    void inDemoModeAnUnregisteredBrowserMayUseTheKioskAndIsToldSo() throws Exception {
        String page = mvc.perform(get("/kiosk/tickets")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("デモのため使えます");
        mvc.perform(get("/kiosk/display")).andExpect(status().isOk());
    }

    @Test
    void outsideDemoModeUnregisteredBrowsersAreRefusedAndEnrolledDevicesLetIn() throws Exception {
        devices.openWithoutEnrolment(false);
        long before = tickets();
        String refused = mvc.perform(get("/kiosk/tickets")).andExpect(status().isForbidden()).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("登録されたロビー端末でだけ使えます", "管理者に端末の登録を依頼");
        mvc.perform(post("/kiosk/tickets").with(csrf()).param("service", "lobby-test"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/kiosk/check-in").with(csrf()).param("qr", "MDGC1:x")).andExpect(status().isForbidden());
        mvc.perform(get("/kiosk/display")).andExpect(status().isForbidden());
        mvc.perform(get("/kiosk/display/events").accept("text/event-stream")).andExpect(status().isForbidden());
        assertThat(tickets()).isEqualTo(before);

        // only an administrator registers devices
        var clerk = OfficeSession.signIn(mvc, Fixtures.DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/reservations/devices").session(clerk)).andExpect(status().isForbidden());
        MockHttpSession admin = admin();
        MvcResult bad = mvc.perform(post("/office/reservations/devices").session(admin).with(csrf())
                .param("name", "画面なし")).andReturn();
        assertThat((String) bad.getFlashMap().get("error")).contains("画面（発券・受付・呼出表示）を1つ以上選んで");

        LobbyDevices.Registration machine = register(admin, "試験発券機", "TICKETS", "CHECK_IN");
        assertThat(machine.code()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        String wrong = mvc.perform(post("/kiosk/enrol").with(csrf()).param("code", "0000-0000-0000"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("この登録コードは使えません");
        // the code is typed in lower case and without hyphens: still accepted, once
        Cookie cookie = enrol(machine.code().toLowerCase(java.util.Locale.ROOT).replace("-", ""));
        mvc.perform(post("/kiosk/enrol").with(csrf()).param("code", machine.code()))
                .andExpect(status().isUnprocessableContent());

        String page = mvc.perform(get("/kiosk/tickets").cookie(cookie)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).doesNotContain("デモのため使えます");
        MvcResult issued = mvc.perform(post("/kiosk/tickets").cookie(cookie).with(csrf())
                .param("service", "lobby-test")).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(issued.getFlashMap().get("issued")).isNotNull();
        assertThat(tickets()).isEqualTo(before + 1);
        // a page the device is not allowed
        String notAllowed = mvc.perform(get("/kiosk/display").cookie(cookie)).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(notAllowed).contains("試験発券機", "「呼出表示」の画面を使う設定になっていません");

        // a forged cookie: another device id with the same signature, or a changed signature
        String[] parts = cookie.getValue().split("\\.");
        Cookie otherId = new Cookie(LobbyDevices.COOKIE, parts[0] + "." + parts[1] + "."
                + java.util.UUID.randomUUID() + "." + parts[3]);
        mvc.perform(get("/kiosk/tickets").cookie(otherId)).andExpect(status().isForbidden());
        Cookie otherSignature = new Cookie(LobbyDevices.COOKIE, parts[0] + "." + parts[1] + "." + parts[2] + "."
                + new StringBuilder(parts[3]).reverse());
        mvc.perform(get("/kiosk/tickets").cookie(otherSignature)).andExpect(status().isForbidden());

        // revoked: the same cookie no longer opens anything
        MvcResult revoked = mvc.perform(post("/office/reservations/devices/" + machine.device().id() + "/revoke")
                .session(admin).with(csrf())).andReturn();
        assertThat((String) revoked.getFlashMap().get("notice")).contains("取り消しました");
        mvc.perform(get("/kiosk/tickets").cookie(cookie)).andExpect(status().isForbidden());
        mvc.perform(post("/kiosk/tickets").cookie(cookie).with(csrf()).param("service", "lobby-test"))
                .andExpect(status().isForbidden());
        assertThat(tickets()).isEqualTo(before + 1);

        var events = Fixtures.rows(tx, jdbc, "select event_type from audit_event where subject_type = 'lobby_device'"
                + " and subject_id = :id order by id", Map.of("id", machine.device().id().toString()));
        assertThat(events).extracting(r -> r.get("event_type"))
                .containsExactly("lobby_device.registered", "lobby_device.enrolled", "lobby_device.revoked");
    }

    @Test
    void aDisplayDeviceGetsTheDisplayAndAnExpiredCodeIsRefused() throws Exception {
        devices.openWithoutEnrolment(false);
        MockHttpSession admin = admin();
        LobbyDevices.Registration display = register(admin, "試験呼出表示", "DISPLAY");
        Cookie cookie = enrol(display.code());
        mvc.perform(get("/kiosk/display").cookie(cookie)).andExpect(status().isOk());
        mvc.perform(get("/kiosk/tickets").cookie(cookie)).andExpect(status().isForbidden());

        LobbyDevices.Registration late = register(admin, "遅れた発券機", "TICKETS");
        register(admin, "これから登録する発券機", "TICKETS");
        TenantTx.run(tx, () -> jdbc.sql("update lobby_device set enrolment_expires_at = now() - interval '1 minute'"
                + " where id = :id").param("id", late.device().id()).update());
        mvc.perform(post("/kiosk/enrol").with(csrf()).param("code", late.code()))
                .andExpect(status().isUnprocessableContent());
        String list = mvc.perform(get("/office/reservations/devices").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(row(list, "試験呼出表示")).contains("<td>使用中</td>");
        assertThat(row(list, "遅れた発券機")).contains("<td>登録コード期限切れ</td>").doesNotContain("登録待ち");
        assertThat(row(list, "これから登録する発券機")).contains("<td>登録待ち</td>");
    }

    /** The devices table's row of the device named {@code name} (the first one: the newest). */
    static String row(String html, String name) {
        var m = java.util.regex.Pattern.compile("<tr>((?:(?!</tr>).)*<td>" + java.util.regex.Pattern.quote(name)
                + "</td>(?:(?!</tr>).)*)</tr>", java.util.regex.Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row for %s", name).isTrue();
        return m.group(1);
    }

    /** Runs SQL in the demo tenant's transaction. */
    static final class TenantTx {
        static void run(TransactionTemplate tx, Runnable work) {
            jp.madoguchi.platform.TenantContext.runAs(Fixtures.DEMO, () -> tx.executeWithoutResult(s -> work.run()));
        }
    }
}
