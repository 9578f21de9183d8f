package jp.madoguchi.reservation.internal;

import java.time.Clock;
import java.time.Duration;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import jp.madoguchi.platform.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Background work, municipality by municipality: reminders for tomorrow's visits (idempotent, so running it hourly
 * is harmless), bookings not checked in within the grace period become 来庁なし, and called tickets whose visitor
 * did not come become 不在. Each method takes the {@link Clock}, so tests call them at any moment.
 */
@Component
class ReservationJobs {

    private final MunicipalityDirectory municipalities;
    private final BookingService bookings;
    private final QueueService queue;
    private final Clock clock;
    private final Duration bookingGrace;
    private final Duration callGrace;

    ReservationJobs(MunicipalityDirectory municipalities, BookingService bookings, QueueService queue, Clock clock,
            @Value("${madoguchi.reservation.no-show-grace:30m}") Duration bookingGrace,
            @Value("${madoguchi.reservation.call-grace:10m}") Duration callGrace) {
        this.municipalities = municipalities;
        this.bookings = bookings;
        this.queue = queue;
        this.clock = clock;
        this.bookingGrace = bookingGrace;
        this.callGrace = callGrace;
    }

    @Scheduled(cron = "${madoguchi.reservation.reminder-cron:0 0 * * * *}", zone = "Asia/Tokyo")
    void hourly() {
        sendReminders(clock);
    }

    @Scheduled(fixedDelayString = "${madoguchi.reservation.no-show-interval:1m}", initialDelay = 60_000)
    void everyMinute() {
        markNoShows(clock);
    }

    /** Queues tomorrow's reminders in every municipality; returns how many. */
    int sendReminders(Clock at) {
        int n = 0;
        for (Municipality m : municipalities.all()) {
            n += TenantContext.callAs(m.code(), () -> bookings.sendReminders(at));
        }
        return n;
    }

    /** Marks late bookings 来庁なし and uncollected calls 不在 in every municipality; returns how many changed. */
    int markNoShows(Clock at) {
        int n = 0;
        for (Municipality m : municipalities.all()) {
            n += TenantContext.callAs(m.code(), () -> bookings.markNoShows(at, bookingGrace)
                    + queue.markAbsent(at, callGrace));
        }
        return n;
    }
}
