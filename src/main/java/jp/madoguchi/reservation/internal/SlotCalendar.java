package jp.madoguchi.reservation.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.madoguchi.kit.CalendarRangeException;
import jp.madoguchi.kit.JapaneseHolidays;
import jp.madoguchi.kit.OfficeCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 予約枠の計算 — which days are open and which slots each has, from the kit's {@link OfficeCalendar} (weekends,
 * national holidays, 12/29–1/3) plus the municipality's closures and 休日開庁 days, the opening hours, the service's
 * duration and capacity and the campaigns. Booked counts come from {@code reservation_slot}. Callers hold the
 * transaction (tenant).
 */
@Component
class SlotCalendar {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final SettingsRepository settings;
    private final JdbcClient jdbc;
    /**
     * Calendars by (closures, special openings). Building an OfficeCalendar walks the whole holiday range
     * (1970–2050), several milliseconds of CPU, so it is built once per distinct set of municipal days.
     */
    private final Map<List<Set<LocalDate>>, OfficeCalendar> calendars = new java.util.concurrent.ConcurrentHashMap<>();

    SlotCalendar(SettingsRepository settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** One bookable time. */
    record Slot(Instant startsAt, LocalTime time, int capacity, int booked) {
        public int free() {
            return Math.max(0, capacity - booked);
        }

        /** The slot as a link parameter: local JST date-time, e.g. 2026-04-01T09:30. */
        public String at() {
            return startsAt.atZone(JAPAN).toLocalDateTime().toString();
        }
    }

    /** One day: closed (with the reason in Japanese) or open with its slots. */
    record Day(LocalDate date, String closedReason, List<Slot> slots) {
        public boolean open() {
            return closedReason == null;
        }

        public int free() {
            return slots.stream().mapToInt(Slot::free).sum();
        }

        /** e.g. 4月1日（水）. */
        public String label() {
            return java.time.format.DateTimeFormatter.ofPattern("M月d日（E）", java.util.Locale.JAPANESE).format(date);
        }
    }

    /** The configuration needed to lay out days (from the {@link SettingsCache}). */
    record Layout(OfficeCalendar calendar, Map<DayOfWeek, Settings.OpeningHours> hours,
            Map<LocalDate, Settings.SpecialDay> specialDays, List<Settings.Campaign> campaigns) {
    }

    Layout layout() {
        SettingsCache.Snapshot snapshot = settings.snapshot();
        List<Settings.SpecialDay> special = snapshot.specialDays();
        Set<LocalDate> closures = special.stream().filter(d -> !d.opening()).map(Settings.SpecialDay::day)
                .collect(Collectors.toSet());
        Set<LocalDate> openings = special.stream().filter(Settings.SpecialDay::opening).map(Settings.SpecialDay::day)
                .collect(Collectors.toSet());
        if (calendars.size() > 256) {
            calendars.clear();
        }
        OfficeCalendar calendar = calendars.computeIfAbsent(List.of(closures, openings),
                key -> OfficeCalendar.of(JapaneseHolidays.shipped()).withClosures(closures)
                        .withSpecialOpenings(openings));
        Map<DayOfWeek, Settings.OpeningHours> hours = new HashMap<>();
        snapshot.openingHours().forEach(h -> hours.put(h.dayOfWeek(), h));
        Map<LocalDate, Settings.SpecialDay> days = new HashMap<>();
        special.forEach(d -> days.put(d.day(), d));
        return new Layout(calendar, hours, days, snapshot.campaigns());
    }

    /** Why {@code date} is closed, in Japanese, or null when the office is open. */
    String closedReason(Layout layout, LocalDate date) {
        OfficeCalendar calendar = layout.calendar();
        try {
            Settings.SpecialDay special = layout.specialDays().get(date);
            if (special != null && !special.opening()) {
                return "臨時閉庁日" + (special.note().isBlank() ? "" : "（" + special.note() + "）");
            }
            if (!calendar.isOfficeDay(date)) {
                Optional<String> holiday = calendar.holidays().name(date);
                if (holiday.isPresent()) {
                    return "祝日（" + holiday.get() + "）";
                }
                if (OfficeCalendar.isYearEndHoliday(date)) {
                    return "年末年始の閉庁日";
                }
                return "閉庁日（土曜・日曜）";
            }
        } catch (CalendarRangeException e) {
            return "予約を受け付けていない日";
        }
        if (hours(layout, date) == null) {
            return "受付時間の設定がない日";
        }
        return null;
    }

    private static Settings.OpeningHours hours(Layout layout, LocalDate date) {
        Settings.SpecialDay special = layout.specialDays().get(date);
        if (special != null && special.opening()) {
            return new Settings.OpeningHours(date.getDayOfWeek(), special.opens(), special.closes());
        }
        return layout.hours().get(date.getDayOfWeek());
    }

    /** Capacity per slot of {@code service} on {@code date}: the service's own plus every campaign covering it. */
    static int capacity(Layout layout, Settings.Service service, LocalDate date) {
        return service.slotCapacity() + layout.campaigns().stream()
                .filter(c -> c.serviceCode().equals(service.code()) && c.covers(date))
                .mapToInt(Settings.Campaign::extraCapacity).sum();
    }

    /** The slot start times of {@code service} on an open {@code date}. */
    static List<LocalTime> startTimes(Layout layout, Settings.Service service, LocalDate date) {
        Settings.OpeningHours h = hours(layout, date);
        List<LocalTime> times = new ArrayList<>();
        if (h == null) {
            return times;
        }
        LocalTime t = h.opens();
        while (!t.plusMinutes(service.durationMinutes()).isAfter(h.closes())
                && t.plusMinutes(service.durationMinutes()).isAfter(t)) {
            times.add(t);
            t = t.plusMinutes(service.durationMinutes());
        }
        return times;
    }

    /** {@code count} days from {@code from} for {@code service}, with free places; slots before {@code now} omitted. */
    List<Day> days(Settings.Service service, LocalDate from, int count, Instant now) {
        Layout layout = layout();
        Instant start = from.atStartOfDay(JAPAN).toInstant();
        Instant end = from.plusDays(count).atStartOfDay(JAPAN).toInstant();
        Map<Instant, Integer> booked = new HashMap<>();
        jdbc.sql("""
                select starts_at, booked from reservation_slot
                where service_code = :s and starts_at >= :from and starts_at < :to""")
                .param("s", service.code()).param("from", OffsetDateTime.ofInstant(start, JAPAN))
                .param("to", OffsetDateTime.ofInstant(end, JAPAN))
                .query((rs, i) -> booked.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2)))
                .list();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate date = from.plusDays(i);
            String reason = closedReason(layout, date);
            if (reason != null) {
                days.add(new Day(date, reason, List.of()));
                continue;
            }
            int capacity = capacity(layout, service, date);
            List<Slot> slots = new ArrayList<>();
            for (LocalTime t : startTimes(layout, service, date)) {
                Instant at = date.atTime(t).atZone(JAPAN).toInstant();
                if (at.isAfter(now)) {
                    slots.add(new Slot(at, t, capacity, booked.getOrDefault(at, 0)));
                }
            }
            days.add(new Day(date, null, slots));
        }
        return days;
    }

    /**
     * The slot of {@code service} starting at {@code at}, checked against the calendar: past, closed or not a slot
     * start time are refused with a Japanese message.
     */
    int capacityOfSlot(Settings.Service service, Instant at, Instant now, int maxDaysAhead) {
        if (!at.isAfter(now)) {
            throw new jp.madoguchi.reservation.ReservationException("at",
                    "過去の日時は予約できません。予約枠をもう一度選んでください。");
        }
        LocalDate date = at.atZone(JAPAN).toLocalDate();
        if (date.isAfter(now.atZone(JAPAN).toLocalDate().plusDays(maxDaysAhead))) {
            throw new jp.madoguchi.reservation.ReservationException("at",
                    maxDaysAhead + "日より先の日は、まだ予約を受け付けていません。");
        }
        Layout layout = layout();
        String reason = closedReason(layout, date);
        if (reason != null) {
            throw new jp.madoguchi.reservation.ReservationException("at",
                    date + " は" + reason + "のため予約できません。");
        }
        LocalTime time = at.atZone(JAPAN).toLocalTime();
        if (!Set.copyOf(startTimes(layout, service, date)).contains(time)) {
            throw new jp.madoguchi.reservation.ReservationException("at",
                    "選んだ時刻（" + time + "）は「" + service.name() + "」の予約枠ではありません。");
        }
        return capacity(layout, service, date);
    }
}
