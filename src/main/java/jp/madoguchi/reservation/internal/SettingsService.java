package jp.madoguchi.reservation.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.reservation.ReservationException;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffMember;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 予約・発券の設定 — validates what an administrator enters (Japanese messages naming the field) and saves it. */
@Service
class SettingsService {

    private final SettingsRepository repository;
    private final AuditTrail audit;

    SettingsService(SettingsRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public void saveCounter(String code, String name, boolean active) {
        String c = code(code, "counterCode", "窓口コード");
        String n = text(name, "counterName", "窓口名", 40);
        repository.saveCounter(new Settings.Counter(c, n, active));
        changed("counter", c);
    }

    @Transactional
    public void saveService(String code, String name, String duration, String capacity, String prefix,
            String whatToBring, String procedureCode, String sortOrder, boolean active, List<String> counters) {
        String c = code(code, "serviceCode", "用件コード");
        String n = text(name, "serviceName", "用件名", 60);
        int d = number(duration, "duration", "所要時間（分）", 5, 240);
        int cap = number(capacity, "capacity", "1枠の定員", 0, 100);
        String p = prefix == null ? "" : prefix.strip().toUpperCase(java.util.Locale.ROOT);
        if (!p.matches("[A-Z]")) {
            throw new ReservationException("prefix", "整理券の記号は英字1文字（A〜Z）で入力してください。");
        }
        int sort = sortOrder == null || sortOrder.isBlank() ? 0 : number(sortOrder, "sortOrder", "表示順", 0, 999);
        String proc = procedureCode == null || procedureCode.isBlank() ? null : procedureCode.strip();
        List<String> known = repository.counters().stream().map(Settings.Counter::code).toList();
        List<String> chosen = counters == null ? List.of() : counters;
        for (String counter : chosen) {
            if (!known.contains(counter)) {
                throw new ReservationException("counters", "窓口「" + counter + "」は登録されていません。");
            }
        }
        boolean prefixTaken = repository.services().stream()
                .anyMatch(s -> s.ticketPrefix().equals(p) && !s.code().equals(c));
        if (prefixTaken) {
            throw new ReservationException("prefix", "整理券の記号「" + p + "」は別の用件で使われています。");
        }
        repository.saveService(new Settings.Service(c, n, d, cap, whatToBring == null ? "" : whatToBring.strip(),
                proc, p, sort, active, chosen));
        changed("service", c);
    }

    @Transactional
    public void saveOpeningHours(Map<DayOfWeek, String[]> hours) {
        for (var e : hours.entrySet()) {
            String label = new Settings.OpeningHours(e.getKey(), null, null).dayLabel();
            String opens = e.getValue()[0] == null ? "" : e.getValue()[0].strip();
            String closes = e.getValue()[1] == null ? "" : e.getValue()[1].strip();
            if (opens.isEmpty() && closes.isEmpty()) {
                repository.saveOpeningHours(e.getKey(), null, null);
                continue;
            }
            LocalTime o = time(opens, "opens-" + e.getKey().getValue(), label + "の開始時刻");
            LocalTime c = time(closes, "closes-" + e.getKey().getValue(), label + "の終了時刻");
            if (!o.isBefore(c)) {
                throw new ReservationException("closes-" + e.getKey().getValue(),
                        label + "の終了時刻は開始時刻より後にしてください。");
            }
            repository.saveOpeningHours(e.getKey(), o, c);
        }
        changed("opening_hours", "all");
    }

    @Transactional
    public void saveSpecialDay(String day, String kind, String opens, String closes, String note) {
        LocalDate d = date(day, "day", "日付");
        String k = "OPENING".equals(kind) ? "OPENING" : "CLOSURE".equals(kind) ? "CLOSURE" : null;
        if (k == null) {
            throw new ReservationException("kind", "種類（臨時閉庁・休日開庁）を選んでください。");
        }
        LocalTime o = null;
        LocalTime c = null;
        if (k.equals("OPENING")) {
            o = time(opens, "specialOpens", "休日開庁の開始時刻");
            c = time(closes, "specialCloses", "休日開庁の終了時刻");
            if (!o.isBefore(c)) {
                throw new ReservationException("specialCloses", "休日開庁の終了時刻は開始時刻より後にしてください。");
            }
        }
        repository.saveSpecialDay(new Settings.SpecialDay(d, k, o, c, note == null ? "" : note.strip()));
        changed("special_day", d.toString());
    }

    @Transactional
    public void deleteSpecialDay(LocalDate day) {
        repository.deleteSpecialDay(day);
        changed("special_day", day.toString());
    }

    @Transactional
    public void addCampaign(String service, String name, String from, String to, String extra) {
        if (repository.service(service == null ? "" : service).isEmpty()) {
            throw new ReservationException("campaignService", "キャンペーンの用件を選んでください。");
        }
        String n = text(name, "campaignName", "キャンペーン名", 60);
        LocalDate f = date(from, "campaignFrom", "キャンペーンの開始日");
        LocalDate t = date(to, "campaignTo", "キャンペーンの終了日");
        if (t.isBefore(f)) {
            throw new ReservationException("campaignTo", "キャンペーンの終了日は開始日以降にしてください。");
        }
        int x = number(extra, "campaignExtra", "追加する定員", 1, 100);
        repository.addCampaign(new Settings.Campaign(0, service, n, f, t, x));
        changed("campaign", service);
    }

    @Transactional
    public void deleteCampaign(long id) {
        repository.deleteCampaign(id);
        changed("campaign", Long.toString(id));
    }

    private void changed(String what, String id) {
        AuditEvent.Actor actor = CurrentStaff.get().map(StaffMember::actor)
                .orElse(AuditEvent.Actor.system("settings"));
        audit.record(new AuditEvent("reservation.settings_changed", actor, Channel.OFFICE, "reservation_" + what, id,
                null, "/office/reservations/settings", Map.of()));
    }

    private static String code(String value, String field, String label) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new ReservationException(field, label + "は半角英小文字・数字・「-」で1〜32文字にしてください（例: juminhyo）。");
        }
        return v;
    }

    private static String text(String value, String field, String label, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new ReservationException(field, label + "は1〜" + max + "文字で入力してください。");
        }
        return v;
    }

    private static int number(String value, String field, String label, int min, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : jp.madoguchi.kit.CharacterWidth.toHalfWidth(value.strip()));
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ReservationException(field, label + "は" + min + "〜" + max + "の整数で入力してください（入力: 「"
                    + value + "」）。");
        }
    }

    private static LocalTime time(String value, String field, String label) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new ReservationException(field, label + "は「09:00」の形式で入力してください（入力: 「" + value + "」）。");
        }
    }

    private static LocalDate date(String value, String field, String label) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw new ReservationException(field, label + "は「2026-04-01」の形式で入力してください（入力: 「" + value
                    + "」）。");
        }
    }

    /** Constraint violations the checks above did not foresee, in Japanese. */
    static String explain(DataIntegrityViolationException e) {
        return "設定を保存できませんでした（他の設定と矛盾しています）。入力を確かめてください。";
    }
}
