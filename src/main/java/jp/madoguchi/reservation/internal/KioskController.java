package jp.madoguchi.reservation.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.Callable;
import jp.madoguchi.reservation.ReservationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lobby devices: the ticket machine (発券機), QR check-in for reservations (予約受付), and the call display
 * (呼出表示) fed by server-sent events. They show no personal data: numbers, services and counters only. Each page
 * is open only to a registered lobby device allowed to show it ({@link LobbyDevices}; in demo mode to any browser),
 * and {@code /kiosk/enrol} turns a browser into a registered device with a one-time code.
 */
@Controller
class KioskController {

    private final PortalTenant tenant;
    private final SettingsRepository settings;
    private final QueueService queue;
    private final CallBroadcaster broadcaster;
    private final LobbyDevices devices;

    KioskController(PortalTenant tenant, SettingsRepository settings, QueueService queue, CallBroadcaster broadcaster,
            LobbyDevices devices) {
        this.tenant = tenant;
        this.settings = settings;
        this.queue = queue;
        this.broadcaster = broadcaster;
        this.devices = devices;
    }

    @ModelAttribute("municipalityName")
    String municipalityName() {
        return tenant.municipality().fullName();
    }

    /** Refuses an unregistered browser, else puts the device (or the demo notice) on the page. */
    private void admit(HttpServletRequest request, LobbyDevices.Page page, Model model) {
        LobbyDevices.Access access = tenant.call(() -> devices.require(request, page));
        if (model != null) {
            model.addAttribute("deviceName", access.deviceName().orElse(null));
            model.addAttribute("demoWithoutEnrolment", access.demoWithoutEnrolment());
        }
    }

    @GetMapping("/kiosk/tickets")
    String machine(HttpServletRequest request, Model model) {
        admit(request, LobbyDevices.Page.TICKETS, model);
        model.addAttribute("services", tenant.call(() -> settings.snapshot().services().stream()
                .filter(Settings.Service::active).toList()));
        return "kiosk/tickets";
    }

    @PostMapping("/kiosk/tickets")
    String issue(@RequestParam(defaultValue = "") String service, HttpServletRequest request,
            RedirectAttributes redirect) {
        admit(request, LobbyDevices.Page.TICKETS, null);
        return issueAndShow(() -> queue.issue(service), "/kiosk/tickets", redirect);
    }

    @GetMapping("/kiosk/check-in")
    String checkInForm(HttpServletRequest request, Model model) {
        admit(request, LobbyDevices.Page.CHECK_IN, model);
        return "kiosk/check-in";
    }

    @PostMapping("/kiosk/check-in")
    String checkIn(@RequestParam(defaultValue = "") String qr, HttpServletRequest request,
            RedirectAttributes redirect) {
        admit(request, LobbyDevices.Page.CHECK_IN, null);
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
    String display(HttpServletRequest request, Model model) {
        admit(request, LobbyDevices.Page.DISPLAY, model);
        model.addAttribute("calls", tenant.call(() -> queue.recentCalls(8)));
        return "kiosk/display";
    }

    @GetMapping(path = "/kiosk/display/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(HttpServletRequest request) {
        admit(request, LobbyDevices.Page.DISPLAY, null);
        return broadcaster.subscribe(tenant.municipality().code());
    }

    /** 端末の登録 — the page where a lobby browser enters (or arrives with) its one-time code. */
    @GetMapping("/kiosk/enrol")
    String enrolForm(@RequestParam(defaultValue = "") String code, Model model) {
        model.addAttribute("code", code);
        return "kiosk/enrol";
    }

    @PostMapping("/kiosk/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            LobbyDevices.Device device = tenant.call(() -> devices.enrol(code, request, response));
            model.addAttribute("device", device);
            return "kiosk/enrolled";
        } catch (ReservationException e) {
            response.setStatus(422);
            model.addAttribute("code", code);
            model.addAttribute("error", e.getMessage());
            return "kiosk/enrol";
        }
    }

    @ExceptionHandler(LobbyDevices.Refused.class)
    ModelAndView refused(LobbyDevices.Refused e, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        ModelAndView page = new ModelAndView("kiosk/not-enrolled");
        page.addObject("message", e.getMessage());
        page.addObject("municipalityName", municipalityName());
        return page;
    }
}
