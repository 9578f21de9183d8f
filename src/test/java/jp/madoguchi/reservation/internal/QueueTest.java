package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.demo.internal.DemoDataLoader;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.reservation.TicketState;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import jp.madoguchi.support.OfficeSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Tickets: issue at the machine, check in by QR, call from a counter, done / absent, and the grace-period jobs. */
@MadoguchiIntegrationTest
class QueueTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired QueueService queue;
    @Autowired ReservationJobs jobs;

    static final AuditEvent.Actor CLERK = AuditEvent.Actor.system("test");

    /** A confirmed booking later today for service {@code service}, written directly (today may be a holiday). */
    String bookingToday(String service) {
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return Fixtures.booking(tx, jdbc, service, at, "CONFIRMED");
    }

    @Test
    void walkInsAndCheckedInReservationsAreCalledAndFinished() throws Exception {
        Fixtures.service(tx, jdbc, "queue-test", "K", 5);
        MvcResult issued = mvc.perform(post("/kiosk/tickets").with(csrf()).param("service", "queue-test")).andReturn();
        var walkIn = (QueueService.Issued) issued.getFlashMap().get("issued");
        assertThat(walkIn.ticket().displayNumber()).matches("K-\\d{3}");
        assertThat(walkIn.ticket().state()).isEqualTo(TicketState.WAITING);

        String token = bookingToday("queue-test");
        MvcResult bad = mvc.perform(post("/kiosk/check-in").with(csrf()).param("qr", "hello")).andReturn();
        assertThat((String) bad.getFlashMap().get("error")).contains("QRコードを読み取れませんでした");
        MvcResult checkedIn = mvc.perform(post("/kiosk/check-in").with(csrf())
                .param("qr", BookingService.qrPayload(token))).andReturn();
        var reserved = (QueueService.Issued) checkedIn.getFlashMap().get("issued");
        assertThat(reserved.ticket().reserved()).isTrue();
        MvcResult again = mvc.perform(post("/kiosk/check-in").with(csrf())
                .param("qr", BookingService.qrPayload(token))).andReturn();
        assertThat((String) again.getFlashMap().get("error")).contains("すでに受付済み");

        // the checked-in reservation is called before the earlier walk-in
        MockHttpSession clerk = OfficeSession.signIn(mvc, Fixtures.DEMO, "madoguchi", DemoDataLoader.DEMO_PASSWORD);
        mvc.perform(post("/office/queue/call").session(clerk).with(csrf()).param("counter", "test-queue-test"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(reserved.ticket().id())).isEqualTo("CALLED");
        assertThat(state(walkIn.ticket().id())).isEqualTo("WAITING");
        mvc.perform(post("/office/queue/" + reserved.ticket().id() + "/done").session(clerk).with(csrf())
                .param("counter", "test-queue-test")).andExpect(status().is3xxRedirection());
        assertThat(state(reserved.ticket().id())).isEqualTo("DONE");
        // done again: refused with a message, state unchanged
        MvcResult twice = mvc.perform(post("/office/queue/" + reserved.ticket().id() + "/absent").session(clerk)
                .with(csrf()).param("counter", "test-queue-test")).andReturn();
        assertThat((String) twice.getFlashMap().get("error")).contains("にできません");
        assertThat(state(reserved.ticket().id())).isEqualTo("DONE");

        mvc.perform(get("/office/queue").session(clerk).param("counter", "test-queue-test")).andExpect(status().isOk());
        var hourly = Fixtures.rows(tx, jdbc, "select issued, reserved from queue_ticket_hourly where service_code = 'queue-test'",
                Map.of());
        assertThat(hourly.stream().mapToLong(r -> (Long) r.get("issued")).sum()).isEqualTo(2);
    }

    @Test
    void theGracePeriodMarksUncollectedCallsAbsentAndMissedBookingsNoShow() throws Exception {
        Fixtures.service(tx, jdbc, "grace-test", "G", 5);
        var ticket = TenantContext.callAs(Fixtures.DEMO, () -> queue.issue("grace-test"));
        TenantContext.runAs(Fixtures.DEMO, () -> queue.callNext("test-grace-test", CLERK));
        String token = bookingToday("grace-test");
        Clock later = Clock.fixed(clock.instant().plus(Duration.ofHours(3)), ZoneOffset.UTC);
        assertThat(jobs.markNoShows(later)).isGreaterThanOrEqualTo(2);
        assertThat(state(ticket.ticket().id())).isEqualTo("ABSENT");
        var booking = Fixtures.rows(tx, jdbc, "select state from reservation_booking where manage_token_hash = :h",
                Map.of("h", Secrets.hash(token)));
        assertThat(booking.get(0)).containsEntry("state", "NO_SHOW");
    }

    @Test
    void badQrCodesAreRefusedWithAClearMessageAndIssueNoTicket() throws Exception {
        Fixtures.service(tx, jdbc, "qr-test", "U", 5);
        String otherDay = Fixtures.booking(tx, jdbc, "qr-test", clock.instant().plus(Duration.ofDays(2)), "CONFIRMED");
        String cancelled = Fixtures.booking(tx, jdbc, "qr-test", clock.instant().plus(Duration.ofHours(1)),
                "CANCELLED");
        assertThat(checkInError("")).contains("QRコードを読み取れませんでした");
        assertThat(checkInError(Secrets.QR_PREFIX + "too-short")).contains("QRコードを読み取れませんでした");
        assertThat(checkInError(Secrets.QR_PREFIX + Secrets.newToken())).contains("このQRコードの予約は見つかりません");
        assertThat(checkInError(BookingService.qrPayload(otherDay))).contains("本日の受付はできません");
        assertThat(checkInError(BookingService.qrPayload(cancelled))).contains("取消済みのため受付できません");
        assertThat(Fixtures.rows(tx, jdbc, "select 1 from queue_ticket where service_code = 'qr-test'", Map.of()))
                .isEmpty();
        assertThat(Fixtures.rows(tx, jdbc, "select state from reservation_booking where service_code = 'qr-test'"
                + " order by state", Map.of())).extracting(r -> r.get("state")).containsExactly("CANCELLED", "CONFIRMED");
    }

    private String checkInError(String qr) throws Exception {
        MvcResult r = mvc.perform(post("/kiosk/check-in").with(csrf()).param("qr", qr)).andReturn();
        assertThat(r.getFlashMap().get("issued")).isNull();
        return (String) r.getFlashMap().get("error");
    }

    String state(long id) {
        return (String) Fixtures.rows(tx, jdbc, "select state from queue_ticket where id = :id", Map.of("id", id))
                .get(0).get("state");
    }
}
