package jp.madoguchi.nursery.internal.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.nursery.TieBreakRule;
import jp.madoguchi.nursery.internal.CriteriaTable;
import jp.madoguchi.nursery.internal.NurseryException;
import jp.madoguchi.nursery.internal.NurseryRounds;
import jp.madoguchi.nursery.internal.NurseryRules;
import jp.madoguchi.nursery.internal.PointsKind;
import jp.madoguchi.nursery.internal.RulesImportReport;
import jp.madoguchi.staff.CurrentStaff;
import jp.madoguchi.staff.StaffRole;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 利用調整基準 of a round (under the round's page): 審査 sees the points table, the tie-break order and the settings
 * and downloads them as CSV; 管理者 changes them — an item's 分類/名称/指数, adding and removing items, the order of the
 * tie-break rules, 基準指数の算定 — or imports a whole table by CSV. Changes are refused once the round's result is
 * published ({@link NurseryRules}).
 */
@Controller
@PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
class NurseryRulesController {

    private final NurseryRounds rounds;
    private final NurseryRules rules;

    NurseryRulesController(NurseryRounds rounds, NurseryRules rules) {
        this.rounds = rounds;
        this.rules = rules;
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }

    @ExceptionHandler(NurseryException.class)
    String problem(NurseryException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return NurseryOfficeController.problemPage(e, model, response);
    }

    private static String page(long id, String anchor) {
        return "redirect:/office/nursery/rounds/" + id + "/rules" + anchor;
    }

    @GetMapping("/office/nursery/rounds/{id}/rules")
    String rules(@PathVariable long id, Model model) {
        CriteriaTable table = rules.table(id);
        boolean published = rules.published(id);
        boolean admin = CurrentStaff.get().map(s -> s.has(StaffRole.ADMIN)).orElse(false);
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("table", table);
        model.addAttribute("kinds", PointsKind.values());
        model.addAttribute("usedBy", rules.usedBy(id));
        model.addAttribute("published", published);
        model.addAttribute("admin", admin);
        model.addAttribute("canEdit", admin && !published);
        model.addAttribute("lastChange", rules.lastChange(id).orElse(null));
        model.addAttribute("changedSinceRun", rules.changedSinceLatestRun(id).orElse(null));
        return "office/nursery/rules";
    }

    @GetMapping("/office/nursery/rounds/{id}/rules.csv")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "utf8") String charset) {
        boolean cp932 = "cp932".equalsIgnoreCase(charset);
        byte[] bytes = rules.exportCsv(id, cp932);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nursery-rules-" + id + (cp932 ? "-sjis" : "") + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", cp932 ? TextEncodings.CP932 : StandardCharsets.UTF_8))
                .body(bytes);
    }

    @PostMapping("/office/nursery/rounds/{id}/rules/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "AUTO") String charset, Model model, RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return page(id, "#rules-import");
        }
        Charset cs = switch (charset) {
            case "UTF8" -> StandardCharsets.UTF_8;
            case "CP932" -> TextEncodings.CP932;
            default -> null;
        };
        String name = Optional.ofNullable(file.getOriginalFilename()).orElse("rules.csv");
        RulesImportReport report = rules.importCsv(id, name, file.getBytes(), cs, actor());
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("report", report);
        model.addAttribute("fileName", name);
        return "office/nursery/rules-import";
    }

    @PostMapping("/office/nursery/rounds/{id}/rules/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(@PathVariable long id, @RequestParam(defaultValue = "") String baseIndexRule,
            @RequestParam(defaultValue = "") String absentGuardianPoints,
            @RequestParam(defaultValue = "") String maxPreferences, RedirectAttributes redirect) {
        return outcome(id, "#settings", redirect, () -> rules.saveSettings(id, baseIndexRule, absentGuardianPoints,
                maxPreferences, actor()));
    }

    @PostMapping("/office/nursery/rounds/{id}/rules/items")
    @PreAuthorize("hasRole('ADMIN')")
    String item(@PathVariable long id, @RequestParam(defaultValue = "edit") String mode,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String points, RedirectAttributes redirect) {
        boolean adding = "add".equals(mode);
        return outcome(id, adding ? "#add-item" : "#items", redirect, () -> rules.saveItem(id, adding, kind, code,
                category, label, points, actor()));
    }

    @PostMapping("/office/nursery/rounds/{id}/rules/items/{code}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeItem(@PathVariable long id, @PathVariable String code, RedirectAttributes redirect) {
        return outcome(id, "#items", redirect, () -> rules.removeItem(id, code, actor()));
    }

    @PostMapping("/office/nursery/rounds/{id}/rules/tie-breaks")
    @PreAuthorize("hasRole('ADMIN')")
    String tieBreak(@PathVariable long id, @RequestParam TieBreakRule rule, @RequestParam String action,
            RedirectAttributes redirect) {
        return outcome(id, "#tie-breaks", redirect, () -> switch (action) {
            case "add" -> rules.addTieBreak(id, rule, actor());
            case "up" -> rules.moveTieBreak(id, rule, -1, actor());
            case "down" -> rules.moveTieBreak(id, rule, 1, actor());
            case "remove" -> rules.removeTieBreak(id, rule, actor());
            default -> throw new NurseryException("操作「" + action + "」はありません");
        });
    }

    private String outcome(long id, String anchor, RedirectAttributes redirect,
            java.util.function.Supplier<CriteriaTable.Diff> change) {
        try {
            CriteriaTable.Diff diff = change.get();
            redirect.addFlashAttribute("notice", diff.none() ? "変更はありませんでした。"
                    : "利用調整基準を変更しました（" + diff.text() + "）。次の実行から新しい基準が使われます。");
        } catch (NurseryException e) {
            if (e.isNotFound()) {
                throw e;
            }
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorDetails", e.details());
        }
        return page(id, anchor);
    }
}
