package jp.madoguchi.resident.internal;

import jp.madoguchi.audit.Channel;
import jp.madoguchi.resident.AccessPurpose;
import jp.madoguchi.resident.ResidentQuery;
import jp.madoguchi.resident.ResidentQueryException;
import jp.madoguchi.resident.ResidentRegister;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 住民記録の検索・照会 — the office screens for the register. Every read goes through {@link ResidentRegister}. */
@Controller
class ResidentOfficeController {

    private final ResidentRegister register;

    ResidentOfficeController(ResidentRegister register) {
        this.register = register;
    }

    @GetMapping("/office/residents")
    String search(@RequestParam(required = false) String kana, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String atenaNumber,
            @RequestParam(required = false) AccessPurpose purpose, Model model) {
        model.addAttribute("purposes", AccessPurpose.values());
        model.addAttribute("kana", kana);
        model.addAttribute("birthDate", birthDate);
        model.addAttribute("atenaNumber", atenaNumber);
        model.addAttribute("purpose", purpose == null ? AccessPurpose.COUNTER_SERVICE : purpose);
        boolean submitted = kana != null || birthDate != null || atenaNumber != null;
        if (submitted) {
            try {
                var hits = register.search(new ResidentQuery(kana, birthDate, atenaNumber), purpose,
                        Channel.OFFICE, "office:resident-search");
                model.addAttribute("hits", hits);
                model.addAttribute("limited", hits.size() >= ResidentRegister.SEARCH_LIMIT);
            } catch (ResidentQueryException e) {
                model.addAttribute("error", e.getMessage());
                model.addAttribute("errorField", e.field());
            }
        }
        return "office/residents";
    }

    @GetMapping("/office/residents/{atenaNumber}")
    String detail(@PathVariable String atenaNumber, @RequestParam(required = false) AccessPurpose purpose,
            Model model) {
        model.addAttribute("atenaNumber", atenaNumber);
        model.addAttribute("purposes", AccessPurpose.values());
        if (purpose == null) {
            return "office/resident-purpose";
        }
        try {
            var detail = register.read(atenaNumber, purpose, Channel.OFFICE, "office:resident-detail")
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("detail", detail);
            model.addAttribute("purpose", purpose);
            return "office/resident";
        } catch (ResidentQueryException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/office/residents/{atenaNumber}/accesses")
    @PreAuthorize("hasRole('ADMIN')")
    String accesses(@PathVariable String atenaNumber, Model model) {
        try {
            model.addAttribute("accesses", register.accessesTo(atenaNumber));
        } catch (ResidentQueryException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        model.addAttribute("atenaNumber", atenaNumber);
        return "office/resident-accesses";
    }
}
