package jp.madoguchi.reservation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The office configuration of reservations and tickets (予約・発券の設定), as read from the database. */
final class Settings {

    private Settings() {
    }

    /** 窓口・ブース. */
    record Counter(String code, String name, boolean active) {
    }

    /**
     * 用件 — a service residents book or take a ticket for.
     *
     * @param whatToBring the service's own text, shown when none of its procedures is in the catalog in force
     * @param procedureCodes the procedure catalog's codes of the procedures this service serves (手続), in order
     * @param version increases at every save; an edit carries the version it started from (optimistic locking)
     */
    record Service(String code, String name, int durationMinutes, int slotCapacity, String whatToBring,
            List<String> procedureCodes, String ticketPrefix, int sortOrder, boolean active,
            List<String> counterCodes, int version) {

        Service {
            procedureCodes = List.copyOf(procedureCodes);
            counterCodes = List.copyOf(counterCodes);
        }
    }

    /** 受付時間 of one day of the week. */
    record OpeningHours(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {
        public String dayLabel() {
            return switch (dayOfWeek) {
                case MONDAY -> "月曜日";
                case TUESDAY -> "火曜日";
                case WEDNESDAY -> "水曜日";
                case THURSDAY -> "木曜日";
                case FRIDAY -> "金曜日";
                case SATURDAY -> "土曜日";
                case SUNDAY -> "日曜日";
            };
        }
    }

    /** 臨時閉庁 (CLOSURE) or 休日開庁 (OPENING, with its hours). */
    record SpecialDay(LocalDate day, String kind, LocalTime opens, LocalTime closes, String note) {
        public boolean opening() {
            return "OPENING".equals(kind);
        }
    }

    /** キャンペーン — extra capacity per slot for a service during a period. */
    record Campaign(long id, String serviceCode, String name, LocalDate startsOn, LocalDate endsOn,
            int extraCapacity) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }
}
