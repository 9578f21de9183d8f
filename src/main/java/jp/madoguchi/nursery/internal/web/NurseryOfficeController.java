package jp.madoguchi.nursery.internal.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.kit.TextEncodings;
import jp.madoguchi.nursery.AllocationMode;
import jp.madoguchi.nursery.internal.ImportPolicy;
import jp.madoguchi.nursery.internal.ImportReport;
import jp.madoguchi.nursery.internal.NurseryException;
import jp.madoguchi.nursery.internal.NurseryImports;
import jp.madoguchi.nursery.internal.NurseryOutputs;
import jp.madoguchi.nursery.internal.NurseryRounds;
import jp.madoguchi.nursery.internal.NurseryRules;
import jp.madoguchi.nursery.internal.NurseryRuns;
import jp.madoguchi.nursery.internal.PlacementView;
import jp.madoguchi.nursery.internal.RoundInput;
import jp.madoguchi.nursery.internal.RunState;
import jp.madoguchi.nursery.internal.RunView;
import jp.madoguchi.staff.CurrentStaff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 保育所利用調整 office screens (審査 and 管理者): rounds, a round's data with the CSV imports, runs in the background
 * with their status, a run's result (by age class and facility, blocking pairs, every child), one child's result and
 * explanation with a manual fix and re-run, the comparison of two runs, publication, the results CSV and the decision
 * letters.
 */
@Controller
@PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
class NurseryOfficeController {

    static final int PAGE = 100;

    private final NurseryRounds rounds;
    private final NurseryImports imports;
    private final NurseryRuns runs;
    private final NurseryOutputs outputs;
    private final NurseryRules rules;

    NurseryOfficeController(NurseryRounds rounds, NurseryImports imports, NurseryRuns runs, NurseryOutputs outputs,
            NurseryRules rules) {
        this.rounds = rounds;
        this.imports = imports;
        this.runs = runs;
        this.outputs = outputs;
        this.rules = rules;
    }

    private static AuditEvent.Actor actor() {
        return CurrentStaff.actor();
    }

    @ExceptionHandler(NurseryException.class)
    String problem(NurseryException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return problemPage(e, model, response);
    }

    /** The page of a refused request: 404 for something that does not exist, else 422, with the reasons. */
    static String problemPage(NurseryException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(e.isNotFound() ? HttpStatus.NOT_FOUND.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("message", e.getMessage());
        model.addAttribute("details", e.details());
        return "office/nursery/problem";
    }

    // --- rounds ---

    @GetMapping("/office/nursery")
    String rounds(Model model) {
        model.addAttribute("rounds", rounds.list());
        return "office/nursery/rounds";
    }

    @PostMapping("/office/nursery/rounds")
    String createRound(@RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String rulesFrom, RedirectAttributes redirect) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "入所月「" + month + "」を年と月（例: 2027-04）で入力してください");
            return "redirect:/office/nursery";
        }
        try {
            Long copyFrom = rulesFrom.isBlank() || "standard".equals(rulesFrom) ? null : Long.valueOf(rulesFrom);
            long id = rounds.create(ym, name, copyFrom, actor());
            redirect.addFlashAttribute("notice", "利用調整の回を作成しました。施設・受入可能数と申込を取り込んでください。");
            return "redirect:/office/nursery/rounds/" + id;
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", "利用調整基準のコピー元「" + rulesFrom + "」がありません");
            return "redirect:/office/nursery";
        } catch (NurseryException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/office/nursery";
        }
    }

    @GetMapping("/office/nursery/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        model.addAttribute("summary", rounds.summary(id));
        model.addAttribute("points", rounds.pointsItems(id));
        model.addAttribute("imports", rounds.imports(id));
        model.addAttribute("quarantine", rounds.quarantine(id, 200));
        List<RunView> list = runs.runs(id);
        model.addAttribute("runs", list);
        model.addAttribute("finished", list.stream().filter(r -> r.state().hasResult()).toList());
        model.addAttribute("published", list.stream().anyMatch(r -> r.state() == RunState.PUBLISHED));
        model.addAttribute("policies", ImportPolicy.values());
        model.addAttribute("defaultSeconds", runs.defaultSeconds());
        model.addAttribute("rulesChangedSinceRun", rules.changedSinceLatestRun(id).orElse(null));
        return "office/nursery/round";
    }

    @PostMapping("/office/nursery/rounds/{id}/import/{kind}")
    String importFile(@PathVariable long id, @PathVariable String kind, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "AUTO") String charset,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportPolicy policy, Model model,
            RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "取り込むファイルを選んでください");
            return "redirect:/office/nursery/rounds/" + id + "#import";
        }
        Charset cs = switch (charset) {
            case "UTF8" -> StandardCharsets.UTF_8;
            case "CP932" -> TextEncodings.CP932;
            default -> null;
        };
        String name = Optional.ofNullable(file.getOriginalFilename()).orElse("upload.csv");
        ImportReport report = switch (kind) {
            case "facilities" -> imports.importFacilities(id, name, file.getBytes(), cs, policy, actor());
            case "applications" -> imports.importApplications(id, name, file.getBytes(), cs, policy, actor());
            default -> throw NurseryException.notFound("取込の種類「" + kind + "」はありません");
        };
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("report", report);
        model.addAttribute("fileName", name);
        model.addAttribute("policy", policy);
        return "office/nursery/import-report";
    }

    @PostMapping("/office/nursery/rounds/{id}/runs")
    String startRun(@PathVariable long id, @RequestParam AllocationMode mode,
            @RequestParam(required = false) Integer seconds, RedirectAttributes redirect) {
        try {
            long run = runs.start(id, mode, seconds, actor());
            redirect.addFlashAttribute("notice", "実行 #" + run + "（" + mode.label() + "）を開始しました。");
            return "redirect:/office/nursery/runs/" + run;
        } catch (NurseryException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorDetails", e.details().stream().limit(100).toList());
            return "redirect:/office/nursery/rounds/" + id + "#run";
        }
    }

    @GetMapping("/office/nursery/rounds/{id}/compare")
    String compare(@PathVariable long id, @RequestParam long first, @RequestParam long second, Model model) {
        var comparison = runs.compare(first, second);
        if (comparison.first().roundId() != id) {
            throw NurseryException.notFound("この回の実行ではありません");
        }
        model.addAttribute("round", rounds.get(id));
        model.addAttribute("c", comparison);
        model.addAttribute("changedShown", comparison.changed().stream().limit(500).toList());
        return "office/nursery/compare";
    }

    // --- runs ---

    @GetMapping("/office/nursery/runs/{id}")
    String run(@PathVariable long id, @RequestParam(defaultValue = "all") String show,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        RunView run = runs.run(id);
        model.addAttribute("run", run);
        model.addAttribute("round", rounds.get(run.roundId()));
        model.addAttribute("others", runs.runs(run.roundId()).stream()
                .filter(r -> r.id() != id && r.state().hasResult()).toList());
        if (run.state().hasResult()) {
            RoundInput input = runs.input(id);
            List<PlacementView> all = runs.placements(id);
            Map<String, int[]> byAge = new LinkedHashMap<>();
            Map<String, Integer> byFacility = new java.util.TreeMap<>();
            Map<String, String> facilityNames = new java.util.HashMap<>();
            for (PlacementView p : all) {
                int[] a = byAge.computeIfAbsent(p.ageClass().label(), k -> new int[2]);
                a[0]++;
                if (p.placed()) {
                    a[1]++;
                    byFacility.merge(p.facilityId(), 1, Integer::sum);
                    facilityNames.put(p.facilityId(), p.facilityName());
                }
            }
            String query = q.strip();
            List<PlacementView> shown = all.stream().filter(p -> switch (show) {
                case "placed" -> p.placed();
                case "unplaced" -> !p.placed();
                case "fixed" -> p.fixed();
                default -> true;
            }).filter(p -> query.isEmpty() || p.childId().equalsIgnoreCase(query) || p.familyId().equalsIgnoreCase(query))
                    .toList();
            int pages = Math.max(1, (shown.size() + PAGE - 1) / PAGE);
            int current = Math.min(Math.max(1, page), pages);
            model.addAttribute("byAge", byAge);
            model.addAttribute("byFacility", byFacility);
            model.addAttribute("facilityNames", facilityNames);
            model.addAttribute("children", shown.subList((current - 1) * PAGE, Math.min(shown.size(), current * PAGE)));
            model.addAttribute("names", input.childNames());
            model.addAttribute("shownCount", shown.size());
            model.addAttribute("page", current);
            model.addAttribute("pages", pages);
            model.addAttribute("show", show);
            model.addAttribute("q", query);
            model.addAttribute("fixes", runs.fixes(id));
            model.addAttribute("inputCurrent", runs.inputCurrent(run));
        }
        return "office/nursery/run";
    }

    @GetMapping(value = "/office/nursery/runs/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> status(@PathVariable long id) {
        RunView run = runs.run(id);
        return Map.of("id", run.id(), "state", run.state().name(), "label", run.state().label(),
                "pending", run.state().pending());
    }

    @GetMapping("/office/nursery/runs/{id}/children/{childId}")
    String child(@PathVariable long id, @PathVariable String childId, Model model) {
        RunView run = runs.run(id);
        PlacementView placement = runs.placement(id, childId)
                .orElseThrow(() -> NurseryException.notFound("児童 " + childId + " はこの実行にありません"));
        RoundInput input = runs.input(id);
        var child = input.instance().families().stream().flatMap(f -> f.children().stream())
                .filter(c -> c.id().equals(childId)).findFirst().orElseThrow();
        List<String> choices = new ArrayList<>();
        for (String f : child.preferences()) {
            choices.add(input.instance().facilities().stream().filter(x -> x.id().equals(f)).map(x -> x.name())
                    .findFirst().orElse(f) + "（" + f + "）");
        }
        runs.viewed(id, childId, actor());
        model.addAttribute("run", run);
        model.addAttribute("round", rounds.get(run.roundId()));
        model.addAttribute("p", placement);
        model.addAttribute("name", input.childName(childId));
        model.addAttribute("choices", choices);
        model.addAttribute("siblings", runs.familyPlacements(id, placement.familyId()).stream()
                .filter(x -> !x.childId().equals(childId)).toList());
        model.addAttribute("contact", input.families().get(placement.familyId()));
        return "office/nursery/child";
    }

    @PostMapping("/office/nursery/runs/{id}/children/{childId}/fix")
    String fix(@PathVariable long id, @PathVariable String childId, @RequestParam int preference,
            RedirectAttributes redirect) {
        try {
            long run = runs.rerunWithFix(id, childId, preference, actor());
            redirect.addFlashAttribute("notice", "児童 " + childId + " の結果を手作業で決め、残りを再実行しています（実行 #" + run
                    + "）。");
            return "redirect:/office/nursery/runs/" + run;
        } catch (NurseryException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorDetails", e.details());
            return "redirect:/office/nursery/runs/" + id + "/children/" + childId;
        }
    }

    @PostMapping("/office/nursery/runs/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            runs.publish(id, actor());
            redirect.addFlashAttribute("notice", "実行 #" + id + " をこの回の結果として公開しました。通知書を作成できます。");
        } catch (NurseryException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/nursery/runs/" + id;
    }

    @PostMapping("/office/nursery/runs/{id}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        try {
            runs.withdraw(id, actor());
            redirect.addFlashAttribute("notice", "実行 #" + id + " の公開を取り消しました。");
        } catch (NurseryException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/office/nursery/runs/" + id;
    }

    @GetMapping("/office/nursery/runs/{id}/results.csv")
    ResponseEntity<byte[]> results(@PathVariable long id, @RequestParam(defaultValue = "utf8") String charset) {
        boolean cp932 = "cp932".equalsIgnoreCase(charset);
        byte[] bytes = outputs.resultsCsv(id, cp932, actor());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nursery-run-" + id + (cp932 ? "-sjis" : "") + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", cp932 ? TextEncodings.CP932 : StandardCharsets.UTF_8))
                .body(bytes);
    }

    @GetMapping("/office/nursery/runs/{id}/letters.pdf")
    ResponseEntity<byte[]> letters(@PathVariable long id) {
        return pdf(outputs.letters(id, null, actor()), "nursery-letters-" + id + ".pdf");
    }

    @GetMapping("/office/nursery/runs/{id}/families/{familyId}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable String familyId) {
        return pdf(outputs.letters(id, familyId, actor()), "nursery-letter-" + id + "-" + familyId + ".pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(bytes);
    }
}
