package jp.madoguchi.portal;

import jp.madoguchi.platform.ServedMunicipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home page for the municipality it serves. */
@Controller
class PortalHomeController {

    private final ServedMunicipality served;

    PortalHomeController(ServedMunicipality served) {
        this.served = served;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("municipalityName", served.displayName());
        return "portal/home";
    }
}
