package jp.madoguchi.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogException;
import jp.madoguchi.catalog.CatalogFile;
import jp.madoguchi.catalog.CatalogProblem;
import jp.madoguchi.catalog.CatalogVersion;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.catalog.DefaultCatalog;
import jp.madoguchi.catalog.PersonaComparison;
import jp.madoguchi.catalog.SourceLocation;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's catalog screens (管理者): versions and history, the draft's files edited with validation, a
 * preview that runs the saved personas against the draft and the version in force, publication with an effective
 * date, and discarding a draft.
 */
@Controller
@RequestMapping("/office/catalog")
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdminController {

    private final CatalogVersions versions;
    private final DefaultCatalog defaults;
    private final Clock clock;

    CatalogAdminController(CatalogVersions versions, DefaultCatalog defaults, Clock clock) {
        this.versions = versions;
        this.defaults = defaults;
        this.clock = clock;
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A file of the draft, with what it holds, for the list. */
    record FileEntry(String path, String kind, String description) {
    }

    @GetMapping
    String overview(Model model) {
        model.addAttribute("inForce", versions.inForce(today()).orElse(null));
        model.addAttribute("versions", versions.versions());
        model.addAttribute("draft", versions.draft().orElse(null));
        model.addAttribute("changes", versions.changes(50));
        model.addAttribute("defaultVersion", defaults.catalog().version());
        model.addAttribute("today", today());
        return "office/catalog";
    }

    @PostMapping("/import-default")
    String importDefault(RedirectAttributes redirect) {
        if (!versions.versions().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "すでにカタログがあります");
        }
        versions.importPublished(defaults.files(), today(), "標準カタログ " + defaults.catalog().version(), actor());
        redirect.addFlashAttribute("message", "標準カタログを取り込み、公開しました");
        return "redirect:/office/catalog";
    }

    @PostMapping("/draft")
    String openDraft(RedirectAttributes redirect) {
        versions.openDraft(actor());
        return "redirect:/office/catalog/draft";
    }

    private CatalogVersion draft() {
        return versions.draft().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "編集中の下書きがありません"));
    }

    @GetMapping("/draft")
    String draft(Model model) {
        CatalogVersion draft = draft();
        Catalog catalog = versions.catalog(draft.id());
        List<FileEntry> files = new ArrayList<>();
        for (CatalogFile f : versions.files(draft.id())) {
            files.add(new FileEntry(f.path(), kind(f.path()), describe(catalog, f.path())));
        }
        model.addAttribute("draft", draft);
        model.addAttribute("files", files);
        model.addAttribute("catalog", catalog);
        model.addAttribute("today", today());
        return "office/catalog-draft";
    }

    private static String kind(String path) {
        if (path.startsWith("events/")) {
            return "ライフイベント";
        }
        if (path.startsWith("procedures/")) {
            return "手続";
        }
        if (path.startsWith("personas/")) {
            return "テスト用ペルソナ";
        }
        if (path.startsWith("forms/")) {
            return "申請フォーム";
        }
        return "カタログ設定・担当課";
    }

    private static String describe(Catalog catalog, String path) {
        if (path.startsWith("events/")) {
            return catalog.events().values().stream().filter(e -> e.location().source().equals(path))
                    .map(e -> e.name() + "（質問" + e.questions().size() + "・ルール" + e.rules().size() + "）")
                    .findFirst().orElse("");
        }
        if (path.startsWith("procedures/")) {
            return catalog.procedures().values().stream().filter(p -> p.location().source().equals(path)).count()
                    + "件の手続";
        }
        if (path.startsWith("personas/")) {
            return catalog.personas().stream().filter(p -> p.location().source().equals(path)).count() + "人";
        }
        if (path.startsWith("forms/")) {
            return catalog.forms().values().stream().filter(f -> f.location().source().equals(path))
                    .map(f -> f.title() + "（" + f.steps().size() + "ステップ・" + f.fields().size() + "項目）")
                    .findFirst().orElse("");
        }
        return catalog.departments().size() + "の担当課";
    }

    @GetMapping("/draft/file")
    String editFile(@RequestParam(required = false) String path, Model model) {
        CatalogVersion draft = draft();
        Optional<CatalogFile> file = path == null ? Optional.empty()
                : versions.files(draft.id()).stream().filter(f -> f.path().equals(path)).findFirst();
        if (path != null && file.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "ファイル「" + path + "」は下書きにありません");
        }
        model.addAttribute("draft", draft);
        model.addAttribute("path", path);
        model.addAttribute("isNew", path == null);
        model.addAttribute("content", file.map(CatalogFile::text).orElse(""));
        model.addAttribute("problems", List.of());
        return "office/catalog-file";
    }

    @PostMapping("/draft/file")
    String saveFile(@RequestParam String path, @RequestParam String content,
            @RequestParam(defaultValue = "false") boolean isNew, Model model, RedirectAttributes redirect) {
        CatalogVersion draft = draft();
        List<CatalogProblem> problems;
        try {
            CatalogFile file = new CatalogFile(path.strip(), content.replace("\r\n", "\n"));
            if (isNew && versions.files(draft.id()).stream().anyMatch(f -> f.path().equals(file.path()))) {
                throw new IllegalArgumentException("ファイル「" + file.path() + "」はすでにあります");
            }
            versions.saveDraftFile(file, actor());
            redirect.addFlashAttribute("message", file.path() + " を保存しました");
            return "redirect:/office/catalog/draft";
        } catch (CatalogException e) {
            problems = e.problems();
        } catch (IllegalArgumentException e) {
            problems = List.of(new CatalogProblem(new SourceLocation(path, 0), e.getMessage()));
        }
        model.addAttribute("draft", draft);
        model.addAttribute("path", path);
        model.addAttribute("isNew", isNew);
        model.addAttribute("content", content);
        model.addAttribute("problems", problems);
        return "office/catalog-file";
    }

    @PostMapping("/draft/file/delete")
    String deleteFile(@RequestParam String path, RedirectAttributes redirect, Model model) {
        try {
            versions.deleteDraftFile(path, actor());
            redirect.addFlashAttribute("message", path + " を削除しました");
        } catch (CatalogException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/office/catalog/draft";
    }

    @GetMapping("/draft/preview")
    String preview(Model model) {
        CatalogVersion draft = draft();
        Catalog draftCatalog = versions.catalog(draft.id());
        Catalog inForce = versions.catalogInForce(today()).orElse(null);
        List<PersonaComparison> comparisons = PersonaComparison.compare(inForce, draftCatalog, today(),
                OfficeCalendar.standard());
        model.addAttribute("draft", draft);
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("changedCount", comparisons.stream().filter(PersonaComparison::changed).count());
        model.addAttribute("unexpectedCount", comparisons.stream().filter(c -> !c.unexpected().isEmpty()).count());
        java.util.Map<String, String> eventNames = new java.util.HashMap<>();
        draftCatalog.events().forEach((code, e) -> eventNames.put(code, e.name()));
        java.util.Map<String, String> procedureNames = new java.util.HashMap<>();
        draftCatalog.procedures().forEach((code, p) -> procedureNames.put(code, p.name()));
        model.addAttribute("eventNames", eventNames);
        model.addAttribute("procedureNames", procedureNames);
        return "office/catalog-preview";
    }

    @PostMapping("/draft/publish")
    String publish(@RequestParam String effectiveFrom, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        LocalDate from;
        try {
            from = LocalDate.parse(effectiveFrom.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "適用開始日「" + effectiveFrom + "」を 2026-12-01 の形で入力してください");
            return "redirect:/office/catalog/draft";
        }
        try {
            CatalogVersion published = versions.publishDraft(from, note == null || note.isBlank() ? null : note.strip(),
                    actor());
            redirect.addFlashAttribute("message", "第" + published.number() + "版を公開しました（" + from + " から適用）");
            return "redirect:/office/catalog";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (CatalogException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/office/catalog/draft";
    }

    @PostMapping("/draft/discard")
    String discard(RedirectAttributes redirect) {
        versions.discardDraft(actor());
        redirect.addFlashAttribute("message", "下書きを破棄しました");
        return "redirect:/office/catalog";
    }
}
