package jp.madoguchi.guide.internal;

import java.util.Optional;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.LifeEvent;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The guide's pages; the portal ({@code /guide}) and the office ({@code /office/guide}) differ only in which
 * municipality they serve and in the page frame.
 */
abstract class GuidePages {

    private final GuideService guide;
    private final GuideFlow flow;

    GuidePages(GuideService guide, GuideFlow flow) {
        this.guide = guide;
        this.flow = flow;
    }

    /** The municipality whose catalog the pages use, if any. */
    abstract Optional<String> municipalityCode();

    /** Adds the frame's attributes: {@code base} path, {@code office} flag, {@code municipalityName}. */
    abstract void frame(Model model);

    private GuideService.InForce inForce(Model model) {
        frame(model);
        return municipalityCode().flatMap(guide::inForce).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "手続案内のカタログがまだ公開されていません"));
    }

    @GetMapping
    String events(Model model) {
        GuideService.InForce inForce = inForce(model);
        model.addAttribute("events", inForce.catalog().eventsInOrder());
        return "guide/events";
    }

    @GetMapping("/{event}")
    String start(@PathVariable String event, Model model) {
        GuideService.InForce inForce = inForce(model);
        return flow.start(inForce, inForce.event(event), model);
    }

    @PostMapping("/{event}")
    String submit(@PathVariable String event, @RequestParam MultiValueMap<String, String> params, Model model) {
        GuideService.InForce inForce = inForce(model);
        return flow.submit(inForce, inForce.event(event), params, model);
    }

    @PostMapping("/{event}/checklist")
    String checklist(@PathVariable String event, @RequestParam MultiValueMap<String, String> params, Model model) {
        GuideService.InForce inForce = inForce(model);
        LifeEvent e = inForce.event(event);
        Answers answers;
        try {
            answers = flow.completeAnswers(e, params);
        } catch (AnswerException ex) {
            return flow.submit(inForce, e, params, model);
        }
        flow.result(inForce, e, answers, model);
        return "guide/checklist";
    }

    @GetMapping("/shared/{token}")
    String shared(@PathVariable String token, Model model) {
        frame(model);
        GuideService.Shared shared = municipalityCode().flatMap(code -> guide.shared(code, token))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "このリンクは正しくないか、古くなっています"));
        model.addAttribute("event", shared.event());
        model.addAttribute("result", ResultView.of(shared.catalog(), shared.event(), Optional.empty(), null,
                shared.procedures()));
        return "guide/shared";
    }
}
