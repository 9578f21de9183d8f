package jp.madoguchi.guide.internal;

import java.util.Optional;
import jp.madoguchi.platform.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The guide in the office: staff run it with a visitor at the counter, for their own municipality. */
@Controller
@RequestMapping("/office/guide")
class OfficeGuideController extends GuidePages {

    OfficeGuideController(GuideService guide, GuideFlow flow) {
        super(guide, flow);
    }

    @Override
    Optional<String> municipalityCode() {
        return TenantContext.current();
    }

    @Override
    void frame(Model model) {
        model.addAttribute("base", "/office/guide");
        model.addAttribute("office", true);
        model.addAttribute("municipalityName", "職員用");
    }
}
