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
import jp.madoguchi.catalog.Catalog;
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
    private final ProcedureLinks links;
    private final AuditTrail audit;

    SettingsService(SettingsRepository repository, ProcedureLinks links, AuditTrail audit) {
        this.repository = repository;
        this.links = links;
        this.audit = audit;
    }

    @Transactional
    public void saveCounter(String code, String name, boolean active) {
        String c = code(code, "counterCode", "窓口コード");
        String n = text(name, "counterName", "窓口名", 40);
        repository.saveCounter(new Settings.Counter(c, n, active));
        changed("counter", c);
    }

    /** What the service form posts, as typed. */
    record ServiceForm(String code, String name, String duration, String capacity, String prefix,
            String whatToBring, String procedureCodes, String sortOrder, boolean active, List<String> counters) {
    }

    /** 用件の追加 — a new service; a code already in use is refused (existing services are edited per row). */
    @Transactional
    public void addService(ServiceForm form) {
        Settings.Service s = validated(form, 0);
        if (!repository.insertService(s)) {
            throw new ReservationException("serviceCode", "用件コード「" + s.code()
                    + "」はすでに使われています。既存の用件は一覧の「編集」から変更してください。");
        }
        changed("service", s.code());
    }

    /**
     * 用件の変更 — saves an edit of service {@code code} made from {@code version}; refused when another administrator
     * saved the service in between (optimistic locking), so no one overwrites a change they have not seen.
     */
    @Transactional
    public void editService(String code, String version, ServiceForm form) {
        int v;
        try {
            v = Integer.parseInt(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            throw new ReservationException("version", "編集の版が正しくありません。一覧から開き直してください。");
        }
        Settings.Service current = repository.service(code == null ? "" : code)
                .orElseThrow(() -> new ReservationException("serviceCode", "用件「" + code
                        + "」は見つかりません（削除された可能性があります）。一覧から選び直してください。"));
        Settings.Service s = validated(new ServiceForm(current.code(), form.name(), form.duration(), form.capacity(),
                form.prefix(), form.whatToBring(), form.procedureCodes(), form.sortOrder(), form.active(),
                form.counters()), v);
        if (!repository.updateService(s)) {
            throw new ReservationException("version", "用件「" + current.name()
                    + "」は、この画面を開いた後にほかの職員が変更しました。最新の内容を表示しています。変更を確かめて、もう一度保存してください。");
        }
        changed("service", s.code());
    }

    private Settings.Service validated(ServiceForm f, int version) {
        String c = code(f.code(), "serviceCode", "用件コード");
        String n = text(f.name(), "serviceName", "用件名", 60);
        int d = number(f.duration(), "duration", "所要時間（分）", 5, 240);
        int cap = number(f.capacity(), "capacity", "1枠の定員", 0, 100);
        String p = f.prefix() == null ? "" : jp.madoguchi.kit.CharacterWidth.toHalfWidth(f.prefix().strip())
                .toUpperCase(java.util.Locale.ROOT);
        if (!p.matches("[A-Z]")) {
            throw new ReservationException("prefix", "整理券の記号は英字1文字（A〜Z）で入力してください。");
        }
        int sort = f.sortOrder() == null || f.sortOrder().isBlank() ? 0
                : number(f.sortOrder(), "sortOrder", "表示順", 0, 999);
        List<String> procedures = procedureCodes(f.procedureCodes());
        List<String> known = repository.counters().stream().map(Settings.Counter::code).toList();
        List<String> chosen = f.counters() == null ? List.of() : f.counters();
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
        return new Settings.Service(c, n, d, cap, f.whatToBring() == null ? "" : f.whatToBring().strip(),
                procedures, p, sort, f.active(), chosen, version);
    }

    /**
     * The catalog procedures a service serves: codes separated by commas, 、 or spaces (full-width accepted), each
     * one a procedure of the municipality's catalog in force today.
     */
    private List<String> procedureCodes(String input) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        for (String part : text.split("[,、，､\\s\u3000]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String code = jp.madoguchi.kit.CharacterWidth.toHalfWidth(part).toLowerCase(java.util.Locale.ROOT);
            if (!code.matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new ReservationException("procedureCodes", "手続コード「" + part
                        + "」の形式が正しくありません（半角英小文字・数字・「-」。例: tennyu-todoke）。");
            }
            codes.add(code);
        }
        Catalog catalog = links.catalog().orElseThrow(() -> new ReservationException("procedureCodes",
                "手続カタログが公開されていないため、手続コードを指定できません。先に手続カタログを公開してください。"));
        List<String> unknown = codes.stream().filter(code -> catalog.procedure(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new ReservationException("procedureCodes", "手続コード「" + String.join("」「", unknown)
                    + "」は、現在有効な手続カタログ（" + catalog.name() + " " + catalog.version()
                    + "）にありません。手続カタログの画面でコードを確かめてください。");
        }
        return List.copyOf(codes);
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
