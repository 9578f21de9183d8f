package jp.madoguchi.office;

import jp.madoguchi.platform.MunicipalityDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 職員トップ — the office's home page. */
@Controller
class OfficeHomeController {

    private final MunicipalityDirectory municipalities;

    OfficeHomeController(MunicipalityDirectory municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping({"/office", "/office/"})
    String home(Model model) {
        model.addAttribute("municipality", municipalities.current());
        return "office/home";
    }
}
