package jp.madoguchi.reservation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 予約・発券の設定 — an administrator edits counters, services, hours, closed and special days, campaigns. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ReservationSettingsController {

    private static final String PAGE = "redirect:/office/reservations/settings";

    private final SettingsRepository repository;
    private final SettingsService service;
    private final TransactionTemplate transactions;
    private final ProcedureLinks links;

    ReservationSettingsController(SettingsRepository repository, SettingsService service,
            TransactionTemplate transactions, ProcedureLinks links) {
        this.repository = repository;
        this.service = service;
        this.transactions = transactions;
        this.links = links;
    }

    @GetMapping("/office/reservations/settings")
    String page(Model model) {
        transactions.executeWithoutResult(s -> {
            model.addAttribute("counters", repository.counters());
            model.addAttribute("services", repository.services());
            Map<DayOfWeek, Settings.OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
            repository.openingHours().forEach(h -> hours.put(h.dayOfWeek(), h));
            model.addAttribute("week", java.util.Arrays.stream(DayOfWeek.values())
                    .map(d -> hours.getOrDefault(d, new Settings.OpeningHours(d, null, null))).toList());
            model.addAttribute("specialDays", repository.specialDays());
            model.addAttribute("campaigns", repository.campaigns());
            model.addAttribute("procedures", catalogProcedures());
        });
        return "office/reservation-settings";
    }

    @PostMapping("/office/reservations/settings/counters")
    String counter(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
        return run(redirect, "窓口「" + name + "」を保存しました。", () -> service.saveCounter(code, name, active));
    }

    @PostMapping("/office/reservations/settings/services")
    String service(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String duration, @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String prefix, @RequestParam(defaultValue = "") String whatToBring,
            @RequestParam(defaultValue = "") String procedureCodes, @RequestParam(defaultValue = "") String sortOrder,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) List<String> counters, RedirectAttributes redirect) {
        return run(redirect, "用件「" + name + "」を追加しました。", () -> service.addService(new SettingsService.ServiceForm(
                code, name, duration, capacity, prefix, whatToBring, procedureCodes, sortOrder, active, counters)));
    }

    /** 用件の編集 — one service's form, filled with what is saved now, carrying its version. */
    @GetMapping("/office/reservations/settings/services/{code}")
    String editService(@PathVariable String code, Model model, HttpServletResponse response) {
        Optional<Settings.Service> current = transactions.execute(s -> repository.service(code));
        if (current.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("error", "用件「" + code + "」は見つかりません（削除された可能性があります）。");
            return page(model);
        }
        Settings.Service s = current.get();
        return editPage(model, s, new SettingsService.ServiceForm(s.code(), s.name(),
                Integer.toString(s.durationMinutes()), Integer.toString(s.slotCapacity()), s.ticketPrefix(),
                s.whatToBring(), String.join(", ", s.procedureCodes()), Integer.toString(s.sortOrder()), s.active(),
                s.counterCodes()), s.version());
    }

    @PostMapping("/office/reservations/settings/services/{code}")
    String saveEditedService(@PathVariable String code, @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String duration,
            @RequestParam(defaultValue = "") String capacity, @RequestParam(defaultValue = "") String prefix,
            @RequestParam(defaultValue = "") String whatToBring,
            @RequestParam(defaultValue = "") String procedureCodes, @RequestParam(defaultValue = "") String sortOrder,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) List<String> counters, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        var form = new SettingsService.ServiceForm(code, name, duration, capacity, prefix, whatToBring,
                procedureCodes, sortOrder, active, counters);
        try {
            service.editService(code, version, form);
            redirect.addFlashAttribute("notice", "用件「" + name.strip() + "」を保存しました。");
            return PAGE;
        } catch (ReservationException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("fieldError", e.field());
            if ("version".equals(e.field())) {
                // someone else saved first: show what is saved now (with its version), and what was typed
                model.addAttribute("typed", form);
                String page = editService(code, model, response);
                if (response.getStatus() != 404) {
                    response.setStatus(409);
                }
                return page;
            }
            Optional<Settings.Service> current = transactions.execute(s -> repository.service(code));
            if (current.isEmpty()) {
                response.setStatus(404);
                return page(model);
            }
            response.setStatus(422);
            return editPage(model, current.get(), form, parseVersion(version, current.get().version()));
        }
    }

    private String editPage(Model model, Settings.Service service, SettingsService.ServiceForm form, int version) {
        model.addAttribute("service", service);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        transactions.executeWithoutResult(s -> {
            model.addAttribute("counters", repository.counters());
            model.addAttribute("procedures", catalogProcedures());
        });
        return "office/reservation-service-edit";
    }

    /** The procedures of the catalog in force, by code, for the form's reference list (caller's transaction). */
    private List<jp.madoguchi.catalog.Procedure> catalogProcedures() {
        return links.catalog().map(c -> c.procedures().values().stream()
                .sorted(java.util.Comparator.comparing(jp.madoguchi.catalog.Procedure::code)).toList())
                .orElse(List.of());
    }

    private static int parseVersion(String version, int fallback) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @PostMapping("/office/reservations/settings/hours")
    String hours(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<DayOfWeek, String[]> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, new String[] {form.get("opens-" + d.getValue()), form.get("closes-" + d.getValue())});
        }
        return run(redirect, "受付時間を保存しました。", () -> service.saveOpeningHours(hours));
    }

    @PostMapping("/office/reservations/settings/special-days")
    String specialDay(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String opens, @RequestParam(defaultValue = "") String closes,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return run(redirect, day + " を保存しました。", () -> service.saveSpecialDay(day, kind, opens, closes, note));
    }

    @PostMapping("/office/reservations/settings/special-days/{day}/delete")
    String deleteSpecialDay(@PathVariable String day, RedirectAttributes redirect) {
        return run(redirect, day + " の設定を削除しました。", () -> service.deleteSpecialDay(parse(day)));
    }

    @PostMapping("/office/reservations/settings/campaigns")
    String campaign(@RequestParam(defaultValue = "") String service,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String extra,
            RedirectAttributes redirect) {
        return run(redirect, "キャンペーン「" + name + "」を追加しました。",
                () -> this.service.addCampaign(service, name, from, to, extra));
    }

    @PostMapping("/office/reservations/settings/campaigns/{id}/delete")
    String deleteCampaign(@PathVariable long id, RedirectAttributes redirect) {
        return run(redirect, "キャンペーンを削除しました。", () -> service.deleteCampaign(id));
    }

    private static LocalDate parse(String day) {
        try {
            return LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ReservationException("day", "日付「" + day + "」の形式が正しくありません。");
        }
    }

    private static String run(RedirectAttributes redirect, String notice, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("fieldError", e.field());
        } catch (DataIntegrityViolationException e) {
            redirect.addFlashAttribute("error", SettingsService.explain(e));
        }
        return PAGE;
    }
}
