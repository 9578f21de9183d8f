package jp.madoguchi.reservation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import jp.madoguchi.reservation.ReservationException;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** ロビー端末の管理 — an administrator registers lobby devices (one-time enrolment code) and revokes them. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class LobbyDeviceController {

    private static final String PAGE = "redirect:/office/reservations/devices";

    private final LobbyDevices devices;

    LobbyDeviceController(LobbyDevices devices) {
        this.devices = devices;
    }

    @GetMapping("/office/reservations/devices")
    String page(Model model) {
        model.addAttribute("devices", devices.devices());
        model.addAttribute("pages", LobbyDevices.Page.values());
        model.addAttribute("openWithoutEnrolment", devices.openWithoutEnrolment());
        return "office/lobby-devices";
    }

    @PostMapping("/office/reservations/devices")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> pages,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            LobbyDevices.Registration r = devices.register(name, pages, CurrentStaff.actor());
            redirect.addFlashAttribute("registration", r);
            redirect.addFlashAttribute("enrolLink", ServletUriComponentsBuilder.fromContextPath(request)
                    .path("/kiosk/enrol").queryParam("code", r.code()).build().toUriString());
            redirect.addFlashAttribute("notice", "端末「" + r.device().name() + "」を登録しました。");
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("fieldError", e.field());
        }
        return PAGE;
    }

    @PostMapping("/office/reservations/devices/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            devices.revoke(id, CurrentStaff.actor());
            redirect.addFlashAttribute("notice", "端末の登録を取り消しました。この端末では発券・受付・呼出表示が使えなくなりました。");
        } catch (ReservationException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }
}
