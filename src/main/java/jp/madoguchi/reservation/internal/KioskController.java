package jp.madoguchi.reservation.internal;

import jp.madoguchi.reservation.ReservationException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lobby devices: the ticket machine (発券機), QR check-in for reservations (予約受付), and the call display
 * (呼出表示) fed by server-sent events. They show no personal data: numbers, services and counters only.
 */
@Controller
class KioskController {

    private final PortalTenant tenant;
    private final SettingsRepository settings;
    private final QueueService queue;
    private final CallBroadcaster broadcaster;
    private final TransactionTemplate transactions;

    KioskController(PortalTenant tenant, SettingsRepository settings, QueueService queue, CallBroadcaster broadcaster,
            TransactionTemplate transactions) {
        this.tenant = tenant;
        this.settings = settings;
        this.queue = queue;
        this.broadcaster = broadcaster;
        this.transactions = transactions;
    }

    @GetMapping("/kiosk/tickets")
    String machine(Model model) {
        model.addAttribute("municipalityName", tenant.municipality().fullName());
        model.addAttribute("services", tenant.call(() -> transactions.execute(s -> settings.services().stream()
                .filter(Settings.Service::active).toList())));
        return "kiosk/tickets";
    }

    @PostMapping("/kiosk/tickets")
    String issue(@RequestParam(defaultValue = "") String service, RedirectAttributes redirect) {
        try {
            QueueService.Issued issued = tenant.call(() -> queue.issue(service));
            redirect.addFlashAttribute("issued", issued);
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/kiosk/tickets";
    }

    @GetMapping("/kiosk/check-in")
    String checkInForm(Model model) {
        model.addAttribute("municipalityName", tenant.municipality().fullName());
        return "kiosk/check-in";
    }

    @PostMapping("/kiosk/check-in")
    String checkIn(@RequestParam(defaultValue = "") String qr, RedirectAttributes redirect) {
        try {
            QueueService.Issued issued = tenant.call(() -> queue.checkIn(qr));
            redirect.addFlashAttribute("issued", issued);
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/kiosk/check-in";
    }

    @GetMapping("/kiosk/display")
    String display(Model model) {
        model.addAttribute("municipalityName", tenant.municipality().fullName());
        model.addAttribute("calls", tenant.call(() -> queue.recentCalls(8)));
        return "kiosk/display";
    }

    @GetMapping(path = "/kiosk/display/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events() {
        return broadcaster.subscribe(tenant.municipality().code());
    }
}
