package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The portal booking flow over HTTP, with CSRF on: book, see, change, cancel, and every kind of bad input. */
@MadoguchiIntegrationTest
class ReservationPortalTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired ReservationJobs jobs;

    LocalDate day;

    @BeforeEach
    void service() {
        Fixtures.service(tx, jdbc, "portal-test", "P", 2);
        day = Fixtures.openDay(clock, 5);
    }

    private MvcResult book(String at, String name, String kind, String contact) throws Exception {
        return mvc.perform(post("/reservations/portal-test/book").with(csrf()).param("at", at).param("name", name)
                .param("contactKind", kind).param("contact", contact)).andReturn();
    }

    private static String token(MvcResult booked) {
        String location = booked.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/reservations/manage/");
        return location.substring("/reservations/manage/".length());
    }

    @Test
    void aResidentBooksSeesChangesAndCancelsThroughTheSecretLink() throws Exception {
        mvc.perform(get("/reservations")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("住民票・証明書")));
        mvc.perform(get("/reservations").param("services", "portal-test")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/reservations/portal-test").param("from", day.toString())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at=" + day + "T09")));

        MvcResult booked = book(day + "T09:00", "窓口 花子", "EMAIL", "hanako@example.jp");
        String token = token(booked);
        String page = mvc.perform(get("/reservations/manage/" + token)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("窓口 花子", "予約済み", "data:image/svg+xml;base64,");
        var rows = Fixtures.rows(tx, jdbc, """
                select b.reservation_number, encode(b.manage_token_hash, 'hex') as hash, o.subject from reservation_booking b
                join notification_outbox o on o.subject_id = b.id::text where b.contact = 'hanako@example.jp'""", Map.of());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("hash")).isNotEqualTo(token);
        assertThat(page).contains((String) rows.get(0).get("reservation_number"));

        // change to 9:30: a new link; the old one explains it was used
        mvc.perform(get("/reservations/manage/" + token + "/change/confirm").param("at", day + "T09:30"))
                .andExpect(status().isOk());
        MvcResult changed = mvc.perform(post("/reservations/manage/" + token + "/change").with(csrf())
                .param("at", day + "T09:30")).andReturn();
        String newToken = token(changed);
        assertThat(newToken).isNotEqualTo(token);
        mvc.perform(get("/reservations/manage/" + token)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("このリンクはすでに使われています")));
        var slots = Fixtures.rows(tx, jdbc, "select starts_at, booked from reservation_slot where service_code = 'portal-test'"
                + " and starts_at in (:a, :b) order by starts_at", Map.of("a", Fixtures.at(day, 9, 0).atOffset(ZoneOffset.UTC),
                "b", Fixtures.at(day, 9, 30).atOffset(ZoneOffset.UTC)));
        assertThat(slots).extracting(r -> r.get("booked")).containsExactly(0, 1);

        mvc.perform(post("/reservations/manage/" + newToken + "/cancel").with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("取り消しました")));
        mvc.perform(post("/reservations/manage/" + newToken + "/cancel").with(csrf())).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("すでに取り消されています")));
        slots = Fixtures.rows(tx, jdbc, "select booked from reservation_slot where service_code = 'portal-test'"
                + " and starts_at in (:a, :b)", Map.of("a", Fixtures.at(day, 9, 0).atOffset(ZoneOffset.UTC),
                "b", Fixtures.at(day, 9, 30).atOffset(ZoneOffset.UTC)));
        assertThat(slots).extracting(r -> r.get("booked")).containsOnly(0);
        var outbox = Fixtures.rows(tx, jdbc, "select subject from notification_outbox where recipient = 'hanako@example.jp'"
                + " order by id", Map.of());
        assertThat(outbox).extracting(r -> (String) r.get("subject"))
                .containsExactly("【予約完了】試験用 portal-test", "【予約変更】試験用 portal-test", "【予約取消】試験用 portal-test");
    }

    @Test
    void badInputGetsAClearJapaneseMessageAndLeavesTheSlotsAlone() throws Exception {
        LocalDate yesterday = LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).minusDays(1);
        assertThat(book(yesterday + "T09:00", "過去 太郎", "EMAIL", "past@example.jp").getResponse()
                .getContentAsString()).contains("過去の日時は予約できません");
        LocalDate sunday = Fixtures.sunday(clock, 3);
        assertThat(book(sunday + "T09:00", "日曜 太郎", "EMAIL", "sunday@example.jp").getResponse()
                .getContentAsString()).contains("閉庁日（土曜・日曜）のため予約できません");
        int year = LocalDate.now(clock).getYear() + 1;
        String newYear = LocalDate.of(year, 1, 2) + "T09:00";
        MvcResult r = book(newYear, "正月 太郎", "EMAIL", "newyear@example.jp");
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(r.getResponse().getContentAsString()).containsAnyOf("年末年始の閉庁日", "日より先の日は");
        assertThat(book(day + "T09:10", "半端 太郎", "EMAIL", "odd@example.jp").getResponse().getContentAsString())
                .contains("予約枠ではありません");
        assertThat(book(day + "T10:00", "", "EMAIL", "noname@example.jp").getResponse().getContentAsString())
                .contains("お名前を入力してください");
        assertThat(book(day + "T10:00", "形式 太郎", "EMAIL", "not-an-address").getResponse().getContentAsString())
                .contains("メールアドレスの形式が正しくありません");
        assertThat(book(day + "T10:00", "電話 太郎", "SMS", "03-1234-5678").getResponse().getContentAsString())
                .contains("070・080・090 で始まる11けた");
        assertThat(book("tomorrow", "日付 太郎", "EMAIL", "baddate@example.jp").getResponse().getContentAsString())
                .contains("予約枠が正しく指定されていません");

        // full slot
        book(day + "T11:00", "満員 一", "EMAIL", "full1@example.jp");
        book(day + "T11:00", "満員 二", "SMS", "090-1111-2222");
        MvcResult full = book(day + "T11:00", "満員 三", "EMAIL", "full3@example.jp");
        assertThat(full.getResponse().getStatus()).isEqualTo(422);
        assertThat(full.getResponse().getContentAsString()).contains("満員になりました");
        var slot = Fixtures.rows(tx, jdbc, "select booked, capacity from reservation_slot where service_code = 'portal-test'"
                + " and starts_at = :at", Map.of("at", day.atTime(11, 0).atZone(SlotCalendar.JAPAN).toOffsetDateTime()));
        assertThat(slot.get(0)).containsEntry("booked", 2).containsEntry("capacity", 2);
        assertThat(Fixtures.rows(tx, jdbc, "select 1 from notification_outbox where recipient = 'full3@example.jp'",
                Map.of())).isEmpty();

        // links: malformed, unknown
        mvc.perform(get("/reservations/manage/abc")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("このリンクは正しくありません")));
        mvc.perform(get("/reservations/manage/" + Secrets.newToken())).andExpect(status().isNotFound());
        // without CSRF token the booking is refused
        MvcResult noCsrf = mvc.perform(post("/reservations/portal-test/book").param("at", day + "T13:00")
                .param("name", "x").param("contactKind", "EMAIL").param("contact", "csrf@example.jp")).andReturn();
        assertThat(noCsrf.getResponse().getStatus()).isIn(302, 303, 403);
        assertThat(String.valueOf(noCsrf.getResponse().getRedirectedUrl())).doesNotContain("/reservations/manage/");
        assertThat(Fixtures.rows(tx, jdbc, "select 1 from reservation_booking where contact = 'csrf@example.jp'",
                Map.of())).isEmpty();
    }

    @Test
    void aChangeIntoAFullSlotAndReusedOrExpiredLinksMoveNoSeat() throws Exception {
        Fixtures.service(tx, jdbc, "link-test", "N", 1);
        MvcResult first = mvc.perform(post("/reservations/link-test/book").with(csrf()).param("at", day + "T10:00")
                .param("name", "満席 一").param("contactKind", "EMAIL").param("contact", "link-full@example.jp"))
                .andReturn();
        token(first);
        String token = token(mvc.perform(post("/reservations/link-test/book").with(csrf()).param("at", day + "T09:00")
                .param("name", "変更 花子").param("contactKind", "EMAIL").param("contact", "link-change@example.jp"))
                .andReturn());

        // into the full 10:00 slot: refused, the booking keeps its seat and its link
        MvcResult full = mvc.perform(post("/reservations/manage/" + token + "/change").with(csrf())
                .param("at", day + "T10:00")).andReturn();
        assertThat(full.getResponse().getStatus()).isEqualTo(422);
        assertThat(full.getResponse().getContentAsString()).contains("満員になりました");
        assertThat(linkTestSeats()).containsExactly("09:00=1", "10:00=1");
        mvc.perform(get("/reservations/manage/" + token)).andExpect(status().isOk());

        // moved to 9:30; the used link can neither change nor cancel
        String newToken = token(mvc.perform(post("/reservations/manage/" + token + "/change").with(csrf())
                .param("at", day + "T09:30")).andReturn());
        mvc.perform(post("/reservations/manage/" + token + "/change").with(csrf()).param("at", day + "T11:00"))
                .andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("このリンクはすでに使われています")));
        mvc.perform(post("/reservations/manage/" + token + "/cancel").with(csrf())).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("このリンクはすでに使われています")));
        assertThat(linkTestSeats()).containsExactly("09:00=0", "09:30=1",
                "10:00=1");
        mvc.perform(get("/reservations/manage/" + newToken)).andExpect(status().isOk());

        // expired: the visit day is over
        String expired = Fixtures.booking(tx, jdbc, "link-test",
                Fixtures.at(LocalDate.now(clock.withZone(SlotCalendar.JAPAN)).minusDays(1), 9, 0), "CONFIRMED");
        mvc.perform(get("/reservations/manage/" + expired)).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有効期限（来庁日の終わりまで）が過ぎています")));
        mvc.perform(post("/reservations/manage/" + expired + "/cancel").with(csrf())).andExpect(status().isGone())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("有効期限（来庁日の終わりまで）が過ぎています")));
        assertThat(linkTestSeats()).containsExactly("09:00=0", "09:30=1",
                "10:00=1");
    }

    /** The seats taken per slot of the link-test service on {@code day}, in order, as JST 「HH:MM=booked」. */
    private java.util.List<String> linkTestSeats() {
        return Fixtures.rows(tx, jdbc, """
                select to_char(starts_at at time zone 'Asia/Tokyo', 'HH24:MI') as t, booked from reservation_slot
                where service_code = 'link-test' and (starts_at at time zone 'Asia/Tokyo')::date = :day
                order by starts_at""", Map.of("day", day)).stream()
                .map(r -> r.get("t") + "=" + r.get("booked")).toList();
    }

    @Test
    void oneContactCannotHoardSlots() throws Exception {
        for (int i = 0; i < 3; i++) {
            MvcResult ok = book(day + "T" + LocalTime.of(13, 0).plusMinutes(30L * i), "独占 太郎", "EMAIL",
                    "Hoarder@Example.jp");
            assertThat(ok.getResponse().getRedirectedUrl()).startsWith("/reservations/manage/");
        }
        MvcResult fourth = book(day + "T15:00", "独占 太郎", "EMAIL", "hoarder@example.jp");
        assertThat(fourth.getResponse().getContentAsString()).contains("同じ連絡先で予約できるのは3件までです");
    }

    @Test
    void remindersAreQueuedOnceTheDayBefore() throws Exception {
        LocalDate visit = Fixtures.openDay(clock, 8);
        MvcResult booked = mvc.perform(post("/reservations/portal-test/book").with(csrf())
                .param("at", visit + "T16:00").param("name", "前日 通知").param("contactKind", "EMAIL")
                .param("contact", "reminder@example.jp")).andReturn();
        token(booked);
        Clock dayBefore = Clock.fixed(visit.minusDays(1).atTime(18, 0).atZone(SlotCalendar.JAPAN).toInstant(),
                ZoneOffset.UTC);
        Clock twoDaysBefore = Clock.fixed(visit.minusDays(2).atTime(18, 0).atZone(SlotCalendar.JAPAN).toInstant(),
                ZoneOffset.UTC);
        jobs.sendReminders(twoDaysBefore);
        String q = "select count(*) as n from notification_outbox where recipient = 'reminder@example.jp'"
                + " and subject like '【明日のご予約】%'";
        assertThat(Fixtures.rows(tx, jdbc, q, Map.of()).get(0).get("n")).isEqualTo(0L);
        assertThat(jobs.sendReminders(dayBefore)).isPositive();
        jobs.sendReminders(dayBefore);
        assertThat(Fixtures.rows(tx, jdbc, q, Map.of()).get(0).get("n")).isEqualTo(1L);
    }
}
