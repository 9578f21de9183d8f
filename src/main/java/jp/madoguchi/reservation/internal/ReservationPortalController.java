package jp.madoguchi.reservation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.notification.ContactChannel;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 来庁予約（住民向け） — public pages, no account: choose a service, a free slot in a week calendar, book with a
 * name and a contact, then see, change or cancel through the secret link. Works without JavaScript.
 */
@Controller
class ReservationPortalController {

    static final int DAYS_SHOWN = 7;

    private final PortalTenant tenant;
    private final SettingsRepository settings;
    private final SlotCalendar calendar;
    private final BookingService bookings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ProcedureLinks links;

    ReservationPortalController(PortalTenant tenant, SettingsRepository settings, SlotCalendar calendar,
            BookingService bookings, TransactionTemplate transactions, Clock clock, ProcedureLinks links) {
        this.links = links;
        this.tenant = tenant;
        this.settings = settings;
        this.calendar = calendar;
        this.bookings = bookings;
        this.transactions = transactions;
        this.clock = clock;
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        return tenant.call(() -> transactions.execute(s -> work.get()));
    }

    /** The portal header's municipality, on every page. */
    @ModelAttribute("municipalityName")
    String municipalityName() {
        return tenant.municipality().fullName();
    }

    /**
     * The list of services. {@code services=a,b} preselects services by code; {@code procedures=x,y} (the guide's
     * link) preselects the services that serve these catalog procedures — a service naming the procedure, else the
     * service the catalog suggests for it ({@code reservationService}); procedures without one are listed as not
     * bookable. One service and nothing else: straight to its calendar.
     */
    @GetMapping("/reservations")
    String services(@RequestParam(required = false) String services,
            @RequestParam(required = false) String procedures, Model model) {
        SettingsCache.Snapshot snapshot = tenant.call(settings::snapshot);
        List<Settings.Service> all = snapshot.services().stream().filter(Settings.Service::active).toList();
        model.addAttribute("bring", snapshot.whatToBring());
        Set<String> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> withoutService = new ArrayList<>();
        List<String> requested = new ArrayList<>();
        if (procedures != null && !procedures.isBlank()) {
            List<String> codes = Arrays.stream(procedures.split(",")).map(String::strip)
                    .filter(c -> c.matches("[a-z0-9][a-z0-9-]{0,63}")).distinct().limit(50).toList();
            Optional<Catalog> catalog = read(links::catalog);
            for (String code : codes) {
                String name = catalog.flatMap(c -> c.procedure(code)).map(Procedure::name).orElse(code);
                requested.add(name);
                List<String> serving = all.stream().filter(s -> s.procedureCodes().contains(code))
                        .map(Settings.Service::code).toList();
                if (serving.isEmpty()) {
                    serving = catalog.flatMap(c -> c.procedure(code)).map(Procedure::reservationService)
                            .filter(hint -> all.stream().anyMatch(s -> s.code().equals(hint))).stream().toList();
                }
                if (serving.isEmpty()) {
                    withoutService.add(name);
                }
                wanted.addAll(serving);
            }
        }
        if (services != null && !services.isBlank()) {
            for (String code : services.split(",")) {
                String c = code.strip();
                if (all.stream().anyMatch(s -> s.code().equals(c))) {
                    wanted.add(c);
                } else if (!c.isEmpty()) {
                    unknown.add(c);
                }
            }
        }
        if (!wanted.isEmpty() || !unknown.isEmpty() || !withoutService.isEmpty()) {
            List<Settings.Service> chosen = all.stream().filter(s -> wanted.contains(s.code())).toList();
            if (chosen.size() == 1 && unknown.isEmpty() && withoutService.isEmpty()) {
                return "redirect:/reservations/" + chosen.get(0).code();
            }
            model.addAttribute("preselected", chosen);
            model.addAttribute("unknown", unknown);
            model.addAttribute("withoutService", withoutService);
            model.addAttribute("requestedProcedures", requested);
        }
        model.addAttribute("services", all);
        return "reservations/services";
    }

    @GetMapping("/reservations/{serviceCode}")
    String calendar(@PathVariable String serviceCode, @RequestParam(required = false) String from, Model model,
            HttpServletResponse response) {
        return calendarPage(serviceCode, from, null, model, response);
    }

    private String calendarPage(String serviceCode, String from, String manageToken, Model model,
            HttpServletResponse response) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(SlotCalendar.JAPAN).toLocalDate();
        LocalDate start = today;
        if (from != null && !from.isBlank()) {
            try {
                start = LocalDate.parse(from);
            } catch (DateTimeParseException e) {
                model.addAttribute("error", "表示する日付「" + from + "」の形式が正しくありません（例: 2026-04-01）。今日から表示します。");
            }
            if (start.isBefore(today) || start.isAfter(today.plusDays(bookings.maxDaysAhead()))) {
                start = today;
            }
        }
        LocalDate first = start;
        LocalDate last = today.plusDays(bookings.maxDaysAhead());
        var service = tenant.call(() -> settings.snapshot().service(serviceCode).filter(Settings.Service::active));
        if (service.isEmpty()) {
            response.setStatus(404);
                model.addAttribute("message", "その用件は予約を受け付けていません。用件の一覧から選んでください。");
            return "reservations/problem";
        }
        int count = (int) Math.max(0, Math.min(DAYS_SHOWN, java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1));
        List<SlotCalendar.Day> days = read(() -> calendar.days(service.get(), first, count, now));
        model.addAttribute("service", service.get());
        model.addAttribute("days", days);
        model.addAttribute("manageToken", manageToken);
        model.addAttribute("previous", first.isAfter(today) ? first.minusDays(DAYS_SHOWN).isBefore(today) ? today
                : first.minusDays(DAYS_SHOWN) : null);
        model.addAttribute("next", first.plusDays(DAYS_SHOWN).isAfter(last) ? null : first.plusDays(DAYS_SHOWN));
        return "reservations/calendar";
    }

    @GetMapping("/reservations/{serviceCode}/book")
    String bookForm(@PathVariable String serviceCode, @RequestParam(required = false) String at, Model model,
            HttpServletResponse response) {
        var service = tenant.call(() -> settings.snapshot().service(serviceCode).filter(Settings.Service::active));
        Instant when = parseAt(at);
        if (service.isEmpty() || when == null) {
            response.setStatus(404);
            model.addAttribute("message", "予約枠が正しく指定されていません。カレンダーから選び直してください。");
            return "reservations/problem";
        }
        model.addAttribute("service", service.get());
        model.addAttribute("bring", tenant.call(() -> settings.whatToBring(service.get())));
        model.addAttribute("at", at);
        model.addAttribute("when", BookingService.when(when));
        model.addAttribute("contactKind", "EMAIL");
        return "reservations/book";
    }

    @PostMapping("/reservations/{serviceCode}/book")
    String book(@PathVariable String serviceCode, @RequestParam(defaultValue = "") String at,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String contactKind,
            @RequestParam(defaultValue = "") String contact, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Instant when = requireAt(at);
            BookingService.Visitor visitor = BookingService.Visitor.of(name, contactKind, contact);
            BookingService.Booked booked = tenant.call(() -> bookings.book(serviceCode, when, visitor));
            redirect.addFlashAttribute("notice", "予約しました。予約番号は " + booked.reservationNumber()
                    + " です。確認のメール（またはSMS）をお送りします。");
            return "redirect:/reservations/manage/" + booked.manageToken();
        } catch (ReservationException e) {
            String page = bookForm(serviceCode, at, model, response);
            if (!model.containsAttribute("service")) {
                model.addAttribute("message", e.getMessage());
                return page;
            }
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("fieldError", e.field());
            model.addAttribute("name", name);
            model.addAttribute("contactKind", contactKind.isBlank() ? "EMAIL" : contactKind);
            model.addAttribute("contact", contact);
            return "reservations/book";
        }
    }

    @GetMapping("/reservations/manage/{token}")
    String manage(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            BookingService.BookingView view = tenant.call(() -> bookings.view(token));
            model.addAttribute("booking", view);
            model.addAttribute("token", token);
            if (view.state() == jp.madoguchi.reservation.BookingState.CONFIRMED) {
                // also after the start time on the day: check-in stays possible within the grace period
                model.addAttribute("qr", QrCodes.svgDataUri(BookingService.qrPayload(token)));
            }
            return "reservations/manage";
        } catch (ReservationException e) {
            return linkProblem(e, model, response);
        }
    }

    @GetMapping("/reservations/manage/{token}/change")
    String changeCalendar(@PathVariable String token, @RequestParam(required = false) String from, Model model,
            HttpServletResponse response) {
        try {
            BookingService.BookingView view = tenant.call(() -> bookings.view(token));
            if (!view.changeable()) {
                throw new ReservationException("link", "このご予約は変更できません（" + view.state().label() + "）。");
            }
            model.addAttribute("booking", view);
            return calendarPage(view.service().code(), from, token, model, response);
        } catch (ReservationException e) {
                return linkProblem(e, model, response);
        }
    }

    @GetMapping("/reservations/manage/{token}/change/confirm")
    String changeConfirm(@PathVariable String token, @RequestParam(defaultValue = "") String at, Model model,
            HttpServletResponse response) {
        try {
            BookingService.BookingView view = tenant.call(() -> bookings.view(token));
            Instant when = requireAt(at);
            model.addAttribute("booking", view);
            model.addAttribute("token", token);
            model.addAttribute("at", at);
            model.addAttribute("when", BookingService.when(when));
            return "reservations/change";
        } catch (ReservationException e) {
            return linkProblem(e, model, response);
        }
    }

    @PostMapping("/reservations/manage/{token}/change")
    String change(@PathVariable String token, @RequestParam(defaultValue = "") String at, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            Instant when = requireAt(at);
            BookingService.Booked booked = tenant.call(() -> bookings.change(token, when));
            redirect.addFlashAttribute("notice", "予約を変更しました。新しい予約番号は " + booked.reservationNumber()
                    + " です。以前のリンクは使えなくなりました。このページのアドレスを控えるか、新しいメールのリンクをお使いください。");
            return "redirect:/reservations/manage/" + booked.manageToken();
        } catch (ReservationException e) {
            if ("at".equals(e.field())) {
                String page = changeConfirm(token, at, model, response);
                model.addAttribute("error", e.getMessage());
                response.setStatus(422);
                return page;
            }
                return linkProblem(e, model, response);
        }
    }

    @PostMapping("/reservations/manage/{token}/cancel")
    String cancel(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            String number = tenant.call(() -> bookings.cancel(token));
            model.addAttribute("reservationNumber", number);
            return "reservations/cancelled";
        } catch (ReservationException e) {
            return linkProblem(e, model, response);
        }
    }

    private static String linkProblem(ReservationException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getMessage().startsWith("このリンクは正しくありません") ? 404 : 410);
        model.addAttribute("message", e.getMessage());
        return "reservations/problem";
    }

    /** {@link #parseAt}, refusing a missing or malformed slot with the Japanese message. */
    private static Instant requireAt(String at) {
        Instant when = parseAt(at);
        if (when == null) {
            throw new ReservationException("at", "予約枠が正しく指定されていません。カレンダーから選び直してください。");
        }
        return when;
    }

    /** A slot start as the calendar links give it: local JST date-time, e.g. 2026-04-01T09:30. */
    static Instant parseAt(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(at).atZone(SlotCalendar.JAPAN).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For templates: the contact channels. */
    @ModelAttribute("contactChannels")
    ContactChannel[] contactChannels() {
        return ContactChannel.values();
    }
}
