package jp.madoguchi.guide.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.madoguchi.catalog.AnswerException;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.ApplicantType;
import jp.madoguchi.catalog.Determination;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.LifeEventEvaluator;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.Questionnaire;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The guide as a public JSON API for other channels (a chatbot, a kiosk, another municipality's site): the life
 * events with their questions, the next question for partial answers, and the procedures for complete answers, with
 * reasons and deadlines. Needs no sign-in and stores nothing.
 */
@RestController
@RequestMapping("/api/public/v1/municipalities/{municipalityCode}/life-events")
@Tag(name = "手続案内 (life-event guide)", description = "回答から必要な手続き・理由・期限を返す公開API")
class GuideApiController {

    private final GuideService guide;

    GuideApiController(GuideService guide) {
        this.guide = guide;
    }

    /** A question as the API describes it. */
    record QuestionJson(String id, String type, String text, String help, String askIf, List<Question.Option> options,
            Integer min, Integer max, List<QuestionJson> fields) {
        static QuestionJson of(Question q) {
            return new QuestionJson(q.id(), q.type().key(), q.text(), q.help(),
                    q.askIfSource(), q.options(), q.min(), q.max(),
                    q.fields().stream().map(QuestionJson::of).toList());
        }
    }

    record LifeEventJson(String code, String name, String summary, String eventDateQuestion,
            List<QuestionJson> questions) {
    }

    /** Answers keyed by question id: booleans, "2026-04-03" dates, option values, numbers, lists of items. */
    record AnswersRequest(Map<String, Object> answers) {
    }

    record QuestionnaireJson(boolean complete, QuestionJson next, List<String> asked,
            List<AnswerException.Problem> problems) {
    }

    record ProcedureJson(String code, String name, String summary, List<String> reasons,
            List<String> triggeringQuestions, LocalDate deadline, String deadlineNote, boolean automatic,
            boolean completeOnline, String onlineUrl, List<String> channels, String department, String place,
            String phone, Map<String, List<String>> bring, int feeYen, String fee, int counterMinutes,
            String legalBasis) {
    }

    record ResultJson(String event, LocalDate eventDate, int catalogVersion, List<ProcedureJson> procedures,
            ResultView.Summary summary) {
    }

    private GuideService.InForce inForce(String code) {
        if (!code.matches("\\d{6}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "地方公共団体コードは6桁の数字です");
        }
        return guide.inForce(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "団体コード " + code + " の手続カタログは公開されていません"));
    }

    @GetMapping
    @Operation(summary = "ライフイベントと質問の一覧")
    List<LifeEventJson> events(@PathVariable @Parameter(description = "地方公共団体コード（6桁）") String municipalityCode) {
        return inForce(municipalityCode).catalog().eventsInOrder().stream()
                .map(e -> new LifeEventJson(e.code(), e.name(), e.summary(), e.eventDate(),
                        e.questions().stream().map(QuestionJson::of).toList())).toList();
    }

    @PostMapping("/{event}/questionnaire")
    @Operation(summary = "途中の回答から、次に聞く質問を返す")
    QuestionnaireJson questionnaire(@PathVariable String municipalityCode, @PathVariable String event,
            @RequestBody AnswersRequest request) {
        LifeEvent e = inForce(municipalityCode).event(event);
        Questionnaire q = LifeEventEvaluator.questionnaire(e, Answers.read(e, answers(request)), guide.today());
        return new QuestionnaireJson(q.complete(), q.next().map(QuestionJson::of).orElse(null),
                q.asked().stream().map(Question::id).toList(), q.problems());
    }

    @PostMapping("/{event}/procedures")
    @Operation(summary = "すべての回答から、必要な手続き・理由・期限を返す")
    ResultJson procedures(@PathVariable String municipalityCode, @PathVariable String event,
            @RequestBody AnswersRequest request) {
        GuideService.InForce inForce = inForce(municipalityCode);
        LifeEvent e = inForce.event(event);
        Answers answers = Answers.read(e, answers(request));
        Determination d = LifeEventEvaluator.determine(inForce.catalog(), e, answers, guide.today(), guide.calendar());
        List<ProcedureJson> procedures = d.procedures().stream().map(a -> {
            Procedure p = a.procedure();
            var dep = inForce.catalog().department(p.department());
            return new ProcedureJson(p.code(), p.name(), p.summary(), a.reasons(), a.triggeringQuestions(),
                    a.deadline().orElse(null), p.deadline() == null ? null : p.deadline().note(), p.automatic(),
                    p.completeOnline(), p.online().map(c -> c.url()).orElse(null),
                    p.channelsByPreference().stream().map(c -> c.type().key()).toList(),
                    dep.map(x -> x.name()).orElse(p.department()), dep.map(x -> x.place()).orElse(null),
                    dep.map(x -> x.phone()).orElse(null),
                    bringByKey(p),
                    p.fee().yen(), p.fee().describe(), p.counterMinutes(), p.legalBasis());
        }).toList();
        ResultView view = ResultView.of(inForce.catalog(), e, d.eventDate(), answers, d.procedures());
        return new ResultJson(e.code(), d.eventDate().orElse(null), inForce.version().number(), procedures,
                view.summary());
    }

    /** 持ち物 by applicant key ({@code self}, {@code household}, {@code agent}), every key present. */
    private static Map<String, List<String>> bringByKey(Procedure p) {
        Map<ApplicantType, List<String>> bring = p.bringByApplicant();
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (ApplicantType type : ApplicantType.values()) {
            out.put(type.key(), bring.getOrDefault(type, List.of()));
        }
        return out;
    }

    private static Map<String, Object> answers(AnswersRequest request) {
        return request == null || request.answers() == null ? Map.of() : request.answers();
    }

    @ExceptionHandler(AnswerException.class)
    ResponseEntity<ProblemDetail> badAnswers(AnswerException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "回答に誤りか不足があります（" + e.problems().size() + "件）");
        problem.setTitle("回答を受け付けられません");
        problem.setType(URI.create("https://madoguchi.example/problems/answers"));
        problem.setProperty("errors", e.problems());
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
