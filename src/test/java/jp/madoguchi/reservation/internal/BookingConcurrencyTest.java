package jp.madoguchi.reservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.madoguchi.platform.TenantContext;
import jp.madoguchi.reservation.ReservationException;
import jp.madoguchi.support.MadoguchiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many threads race for the last places of slots: the booked count never exceeds the capacity, every success is a
 * committed booking, every refusal is the Japanese "full" message, and the outbox holds exactly one confirmation
 * per committed booking (none for the refused ones).
 */
@MadoguchiIntegrationTest
class BookingConcurrencyTest {

    @Autowired BookingService bookings;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    @Test
    void racingThreadsNeverOverbookAndEveryConfirmationIsForACommittedBooking() throws Exception {
        Fixtures.service(tx, jdbc, "race", "R", 3);
        LocalDate day = Fixtures.openDay(clock, 3);
        List<Instant> slots = List.of(Fixtures.at(day, 9, 0), Fixtures.at(day, 9, 30), Fixtures.at(day, 10, 0));
        // One slot already has 2 of 3 places taken: only its last place is open to the race.
        TenantContext.runAs(Fixtures.DEMO, () -> {
            bookings.book("race", slots.get(0), BookingService.Visitor.of("先客 一", "EMAIL", "early1@example.jp"));
            bookings.book("race", slots.get(0), BookingService.Visitor.of("先客 二", "EMAIL", "early2@example.jp"));
        });
        int threads = 48;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                Instant at = slots.get(n % slots.size());
                try {
                    var booked = TenantContext.callAs(Fixtures.DEMO, () -> bookings.book("race", at,
                            BookingService.Visitor.of("競争 " + n, "EMAIL", "racer" + n + "@example.jp")));
                    numbers.add(booked.reservationNumber());
                } catch (ReservationException e) {
                    refusals.add(e.getMessage());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        // 1 place left in the first slot + 3 in each of the two others.
        assertThat(numbers).hasSize(7);
        assertThat(refusals).hasSize(threads - 7).allMatch(m -> m.contains("満員"));
        var slotRows = Fixtures.rows(tx, jdbc, "select booked, capacity from reservation_slot where service_code = 'race'",
                Map.of());
        assertThat(slotRows).hasSize(3).allMatch(r -> (int) r.get("booked") == (int) r.get("capacity"));
        long committed = Fixtures.rows(tx, jdbc, "select id from reservation_booking where service_code = 'race'"
                + " and state = 'CONFIRMED'", Map.of()).size();
        assertThat(committed).isEqualTo(9);
        var confirmations = Fixtures.rows(tx, jdbc, """
                select o.subject_id, b.id from notification_outbox o
                left join reservation_booking b on b.id::text = o.subject_id
                where o.subject_type = 'reservation_booking' and o.subject like '【予約完了】試験用 race%'""", Map.of());
        assertThat(confirmations).hasSize(9).allMatch(r -> r.get("id") != null);
    }

    @Test
    void theDatabaseItselfRefusesAnOverbookingWrite() {
        Fixtures.service(tx, jdbc, "race-check", "Q", 1);
        LocalDate day = Fixtures.openDay(clock, 4);
        Instant at = Fixtures.at(day, 11, 0);
        TenantContext.runAs(Fixtures.DEMO, () -> bookings.book("race-check", at,
                BookingService.Visitor.of("一人目", "EMAIL", "only@example.jp")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.runAs(Fixtures.DEMO,
                () -> tx.executeWithoutResult(s -> jdbc.sql(
                        "update reservation_slot set booked = booked + 1 where service_code = 'race-check'").update())))
                .hasMessageContaining("reservation_slot_not_overbooked");
    }
}
