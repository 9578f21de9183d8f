package jp.madoguchi.guide.internal;

import java.util.Optional;
import jp.madoguchi.platform.Municipality;
import jp.madoguchi.platform.ServedMunicipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The guide on the resident portal: no account, nothing stored. */
@Controller
@RequestMapping("/guide")
class PortalGuideController extends GuidePages {

    private final ServedMunicipality served;

    PortalGuideController(GuideService guide, GuideFlow flow, ServedMunicipality served) {
        super(guide, flow);
        this.served = served;
    }

    @Override
    Optional<String> municipalityCode() {
        return served.current().map(Municipality::code);
    }

    @Override
    void frame(Model model) {
        model.addAttribute("base", "/guide");
        model.addAttribute("office", false);
        model.addAttribute("municipalityName", served.displayName());
    }
}
