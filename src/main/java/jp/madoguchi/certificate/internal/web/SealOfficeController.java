package jp.madoguchi.certificate.internal.web;

import java.io.IOException;
import jp.madoguchi.certificate.SealRegistry;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 印鑑登録の窓口画面: 登録, 登録証の再交付, 廃止, and the history of a person's registrations. */
@Controller
@PreAuthorize("hasRole('COUNTER') or hasRole('ADMIN')")
class SealOfficeController {

    private final SealRegistry seals;

    SealOfficeController(SealRegistry seals) {
        this.seals = seals;
    }

    @GetMapping("/office/seals")
    String index(@RequestParam(required = false) String atena, Model model) {
        model.addAttribute("atena", atena == null ? "" : atena);
        if (atena != null && atena.matches("[0-9]{2,16}")) {
            model.addAttribute("active", seals.active(atena).orElse(null));
            model.addAttribute("history", seals.history(atena));
            model.addAttribute("searched", true);
        }
        return "office/seals/index";
    }

    @PostMapping("/office/seals/register")
    String register(@RequestParam String atena, @RequestParam String cardNumber,
            @RequestParam("image") MultipartFile image, RedirectAttributes redirect) throws IOException {
        try {
            SealRegistry.SealRegistration r = seals.register(atena, cardNumber, image.getBytes(), CurrentStaff.actor());
            redirect.addFlashAttribute("message", "印鑑を登録しました（印鑑登録番号 " + r.registrationNumber() + "）。");
        } catch (SealRegistry.SealException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/seals?atena=" + atena;
    }

    @PostMapping("/office/seals/card")
    String card(@RequestParam String atena, @RequestParam String cardNumber, @RequestParam String reason,
            RedirectAttributes redirect) {
        try {
            seals.changeCard(atena, cardNumber, reason, CurrentStaff.actor());
            redirect.addFlashAttribute("message", "印鑑登録証を再交付しました。");
        } catch (SealRegistry.SealException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/seals?atena=" + atena;
    }

    @PostMapping("/office/seals/abolish")
    String abolish(@RequestParam String atena, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            seals.abolish(atena, reason, CurrentStaff.actor());
            redirect.addFlashAttribute("message", "印鑑登録を廃止しました。");
        } catch (SealRegistry.SealException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/seals?atena=" + atena;
    }

    @GetMapping("/office/seals/{atena}/image")
    ResponseEntity<byte[]> image(@PathVariable String atena) {
        return seals.active(atena).map(r -> ResponseEntity.ok().contentType(MediaType.parseMediaType(r.imageType()))
                .body(r.image())).orElse(ResponseEntity.notFound().build());
    }
}
