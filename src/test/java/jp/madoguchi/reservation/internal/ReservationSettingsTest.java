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

/** The administrator's settings: saved when valid, refused with a Japanese message naming the field when not. */
@MadoguchiIntegrationTest
class ReservationSettingsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    MockHttpSession admin() throws Exception {
        return OfficeSession.signIn(mvc, Fixtures.DEMO, "kanri", DemoDataLoader.DEMO_PASSWORD);
    }

    @Test
    void onlyAnAdministratorMayEditTheSettings() throws Exception {
        var clerk = OfficeSession.signIn(mvc, Fixtures.DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(get("/office/reservations/settings").session(clerk)).andExpect(status().isForbidden());
        mvc.perform(get("/office/reservations/settings").session(admin())).andExpect(status().isOk());
    }

    @Test
    void anAdministratorAddsAServiceAClosureAndACampaignThatTheCalendarThenShows() throws Exception {
        MockHttpSession admin = admin();
        mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", "settings-test").param("name", "設定の試験").param("duration", "２０")
                .param("capacity", "1").param("prefix", "s").param("whatToBring", "印鑑").param("active", "true")
                .param("counters", "counter-1")).andExpect(status().is3xxRedirection());
        var service = Fixtures.rows(tx, jdbc, "select duration_minutes, ticket_prefix from reservation_service"
                + " where code = 'settings-test'", Map.of());
        assertThat(service.get(0)).containsEntry("duration_minutes", 20).containsEntry("ticket_prefix", "S");

        LocalDate closed = Fixtures.openDay(clock, 10);
        mvc.perform(post("/office/reservations/settings/special-days").session(admin).with(csrf())
                .param("day", closed.toString()).param("kind", "CLOSURE").param("note", "庁舎点検"));
        LocalDate campaignDay = Fixtures.openDay(clock, 12);
        mvc.perform(post("/office/reservations/settings/campaigns").session(admin).with(csrf())
                .param("service", "settings-test").param("name", "試験キャンペーン")
                .param("from", campaignDay.toString()).param("to", campaignDay.toString()).param("extra", "4"));

        String closedPage = mvc.perform(get("/reservations/settings-test").param("from", closed.toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(closedPage).contains("臨時閉庁日（庁舎点検）");
        String campaignPage = mvc.perform(get("/reservations/settings-test").param("from", campaignDay.toString()))
                .andReturn().getResponse().getContentAsString();
        assertThat(campaignPage).contains("（残り5）");
    }

    @Test
    void badSettingsAreRefusedWithTheField() throws Exception {
        MockHttpSession admin = admin();
        MvcResult r = mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", "Bad Code").param("name", "x").param("duration", "15").param("capacity", "1")
                .param("prefix", "A")).andReturn();
        assertThat(r.getFlashMap().get("fieldError")).isEqualTo("serviceCode");
        assertThat((String) r.getFlashMap().get("error")).contains("用件コードは半角英小文字");
        r = mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", "dup-prefix").param("name", "重複").param("duration", "15").param("capacity", "1")
                .param("prefix", "A")).andReturn();
        assertThat((String) r.getFlashMap().get("error")).contains("整理券の記号「A」は別の用件で使われています");
        r = mvc.perform(post("/office/reservations/settings/hours").session(admin).with(csrf())
                .param("opens-1", "17:00").param("closes-1", "09:00")).andReturn();
        assertThat((String) r.getFlashMap().get("error")).contains("月曜日の終了時刻は開始時刻より後に");
        r = mvc.perform(post("/office/reservations/settings/campaigns").session(admin).with(csrf())
                .param("service", "certificates").param("name", "逆").param("from", "2027-02-10")
                .param("to", "2027-02-01").param("extra", "1")).andReturn();
        assertThat((String) r.getFlashMap().get("error")).contains("終了日は開始日以降");
        r = mvc.perform(post("/office/reservations/settings/special-days").session(admin).with(csrf())
                .param("day", "2027/02/10").param("kind", "CLOSURE")).andReturn();
        assertThat((String) r.getFlashMap().get("error")).contains("日付は「2026-04-01」の形式");
        // nothing of the refused input was saved; Monday hours unchanged
        assertThat(Fixtures.rows(tx, jdbc, "select 1 from reservation_service where code in ('bad code', 'dup-prefix')",
                Map.of())).isEmpty();
        assertThat(Fixtures.rows(tx, jdbc, "select opens::text from reservation_opening_hours where day_of_week = 1",
                Map.of()).get(0)).containsEntry("opens", "08:30:00");
    }

    @Test
    void aServiceIsEditedPerRowAndAConcurrentEditIsRefusedWithAMessage() throws Exception {
        MockHttpSession admin = admin();
        mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", "row-edit").param("name", "行編集").param("duration", "15").param("capacity", "2")
                .param("prefix", "O").param("active", "true").param("counters", "counter-2"))
                .andExpect(status().is3xxRedirection());
        // the add form no longer overwrites an existing service
        MvcResult again = mvc.perform(post("/office/reservations/settings/services").session(admin).with(csrf())
                .param("code", "row-edit").param("name", "上書き").param("duration", "15").param("capacity", "9")
                .param("prefix", "O")).andReturn();
        assertThat((String) again.getFlashMap().get("error")).contains("用件コード「row-edit」はすでに使われています");

        String list = mvc.perform(get("/office/reservations/settings").session(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("/office/reservations/settings/services/row-edit");
        String form = mvc.perform(get("/office/reservations/settings/services/row-edit").session(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"version\" value=\"0\"", "value=\"行編集\"");

        // two administrators opened the form at version 0; the first saves
        mvc.perform(post("/office/reservations/settings/services/row-edit").session(admin).with(csrf())
                .param("version", "0").param("name", "行編集（変更）").param("duration", "20").param("capacity", "3")
                .param("prefix", "O").param("active", "true").param("counters", "counter-2", "counter-3")
                .param("procedureCodes", "inkan-touroku"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/office/reservations/settings"));
        var saved = Fixtures.rows(tx, jdbc, """
                select name, duration_minutes, slot_capacity, version,
                    (select count(*) from reservation_service_counter c where c.service_code = s.code) as counters
                from reservation_service s where code = 'row-edit'""", Map.of()).get(0);
        assertThat(saved).containsEntry("name", "行編集（変更）").containsEntry("duration_minutes", 20)
                .containsEntry("slot_capacity", 3).containsEntry("version", 1).containsEntry("counters", 2L);

        // the second, still at version 0, is refused: nothing overwritten, the latest values shown with a message
        MvcResult stale = mvc.perform(post("/office/reservations/settings/services/row-edit").session(admin)
                .with(csrf()).param("version", "0").param("name", "古い画面からの変更").param("duration", "45")
                .param("capacity", "1").param("prefix", "O").param("active", "true")).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getContentAsString())
                .contains("ほかの職員が変更しました", "value=\"行編集（変更）\"", "name=\"version\" value=\"1\"",
                        "古い画面からの変更");
        assertThat(Fixtures.rows(tx, jdbc, "select name, version from reservation_service where code = 'row-edit'",
                Map.of()).get(0)).containsEntry("name", "行編集（変更）").containsEntry("version", 1);

        // a bad value in the edit form: 422, the field named, the typed values kept, nothing saved
        MvcResult bad = mvc.perform(post("/office/reservations/settings/services/row-edit").session(admin)
                .with(csrf()).param("version", "1").param("name", "行編集（変更）").param("duration", "999")
                .param("capacity", "1").param("prefix", "O")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString()).contains("所要時間（分）は5〜240の整数", "value=\"999\"");
        assertThat(Fixtures.rows(tx, jdbc, "select version from reservation_service where code = 'row-edit'",
                Map.of()).get(0)).containsEntry("version", 1);

        mvc.perform(get("/office/reservations/settings/services/no-such-service").session(admin))
                .andExpect(status().isNotFound());
    }
}
