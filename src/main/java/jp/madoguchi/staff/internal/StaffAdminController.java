package jp.madoguchi.staff.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.madoguchi.staff.StaffDirectory;
import jp.madoguchi.staff.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 職員管理 — a 管理者 creates, disables and enables the staff accounts of their own municipality. */
@Controller
class StaffAdminController {

    private final StaffDirectory directory;

    StaffAdminController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/office/staff")
    String list(Model model) {
        model.addAttribute("accounts", directory.list());
        model.addAttribute("roles", StaffRole.values());
        return "office/staff";
    }

    @PostMapping("/office/staff")
    String create(@RequestParam(defaultValue = "") String loginId, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<StaffRole> roles,
            @RequestParam(defaultValue = "") String initialPassword, Model model, RedirectAttributes redirect) {
        Set<StaffRole> chosen = roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        try {
            var account = directory.create(loginId, displayName, chosen, initialPassword);
            redirect.addFlashAttribute("notice", "職員「" + account.displayName() + "」（" + account.loginId()
                    + "）を登録しました。");
            return "redirect:/office/staff";
        } catch (StaffDirectory.StaffAccountException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("loginId", loginId);
            model.addAttribute("displayName", displayName);
            model.addAttribute("chosenRoles", chosen);
            return list(model);
        }
    }

    @PostMapping("/office/staff/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(id, false, redirect);
    }

    @PostMapping("/office/staff/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return setEnabled(id, true, redirect);
    }

    private String setEnabled(long id, boolean enabled, RedirectAttributes redirect) {
        boolean changed;
        try {
            changed = directory.setEnabled(id, enabled);
        } catch (StaffDirectory.StaffAccountException e) {
            redirect.addFlashAttribute("notice", e.getMessage());
            return "redirect:/office/staff";
        }
        if (!changed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "職員が見つかりません");
        }
        redirect.addFlashAttribute("notice", enabled ? "アカウントを有効にしました。" : "アカウントを無効にしました。");
        return "redirect:/office/staff";
    }
}
