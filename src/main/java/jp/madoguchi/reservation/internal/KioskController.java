package jp.madoguchi.reservation.internal;

import java.util.concurrent.Callable;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    KioskController(PortalTenant tenant, SettingsRepository settings, QueueService queue, CallBroadcaster broadcaster) {
        this.tenant = tenant;
        this.settings = settings;
        this.queue = queue;
        this.broadcaster = broadcaster;
    }

    @ModelAttribute("municipalityName")
    String municipalityName() {
        return tenant.municipality().fullName();
    }

    @GetMapping("/kiosk/tickets")
    String machine(Model model) {
        model.addAttribute("services", tenant.call(() -> settings.snapshot().services().stream()
                .filter(Settings.Service::active).toList()));
        return "kiosk/tickets";
    }

    @PostMapping("/kiosk/tickets")
    String issue(@RequestParam(defaultValue = "") String service, RedirectAttributes redirect) {
        return issueAndShow(() -> queue.issue(service), "/kiosk/tickets", redirect);
    }

    @GetMapping("/kiosk/check-in")
    String checkInForm() {
        return "kiosk/check-in";
    }

    @PostMapping("/kiosk/check-in")
    String checkIn(@RequestParam(defaultValue = "") String qr, RedirectAttributes redirect) {
        return issueAndShow(() -> queue.checkIn(qr), "/kiosk/check-in", redirect);
    }

    /** Runs {@code issuing} in the portal's tenant and shows its ticket (or why not) on {@code page} after a redirect. */
    private String issueAndShow(Callable<QueueService.Issued> issuing, String page, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", tenant.call(issuing));
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + page;
    }

    @GetMapping("/kiosk/display")
    String display(Model model) {
        model.addAttribute("calls", tenant.call(() -> queue.recentCalls(8)));
        return "kiosk/display";
    }

    @GetMapping(path = "/kiosk/display/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events() {
        return broadcaster.subscribe(tenant.municipality().code());
    }
}
