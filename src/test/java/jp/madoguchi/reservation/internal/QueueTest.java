package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
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
        String token = Secrets.newToken();
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        TenantContext.runAs(Fixtures.DEMO, () -> tx.executeWithoutResult(s -> {
            OffsetDateTime when = OffsetDateTime.ofInstant(at, SlotCalendar.JAPAN);
            jdbc.sql("""
                    insert into reservation_slot (municipality_code, service_code, starts_at, capacity, booked)
                    values (:m, :s, :at, 5, 1) on conflict (municipality_code, service_code, starts_at)
                    do update set booked = reservation_slot.booked + 1""")
                    .param("m", Fixtures.DEMO).param("s", service).param("at", when).update();
            jdbc.sql("""
                    insert into reservation_booking (municipality_code, reservation_number, service_code, starts_at,
                        state, visitor_name, contact_kind, contact, contact_key, manage_token_hash, checkin_token_hash)
                    values (:m, :n, :s, :at, 'CONFIRMED', '受付 太郎', 'EMAIL', 'checkin@example.jp',
                        'checkin@example.jp', :mh, :ch)""")
                    .param("m", Fixtures.DEMO).param("n", Secrets.newReservationNumber()).param("s", service)
                    .param("at", when).param("mh", Secrets.hash(token))
                    .param("ch", Secrets.hash(Secrets.checkInToken(token))).update();
        }));
        return token;
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

    String state(long id) {
        return (String) Fixtures.rows(tx, jdbc, "select state from queue_ticket where id = :id", Map.of("id", id))
                .get(0).get("state");
    }
}
