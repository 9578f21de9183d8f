package jp.madoguchi.portal;

import java.util.List;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home page for the municipality it serves. */
@Controller
class PortalHomeController {

    private final MunicipalityDirectory municipalities;
    private final String configuredCode;

    PortalHomeController(MunicipalityDirectory municipalities,
            @Value("${madoguchi.portal.municipality-code:}") String configuredCode) {
        this.municipalities = municipalities;
        this.configuredCode = configuredCode;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("municipalityName", served().map(Municipality::fullName).orElse("窓口"));
        return "portal/home";
    }

    /** The configured municipality, or the only one when the platform serves just one. */
    private java.util.Optional<Municipality> served() {
        if (!configuredCode.isBlank()) {
            return municipalities.find(configuredCode);
        }
        List<Municipality> all = municipalities.all();
        return all.size() == 1 ? java.util.Optional.of(all.get(0)) : java.util.Optional.empty();
    }
}
