package jp.madoguchi.guide.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.ApplicableProcedure;
import jp.madoguchi.catalog.ApplicantType;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.Department;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.Procedure;
import jp.madoguchi.catalog.ProcedureChannel;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.kit.Wareki;

/**
 * The guide's result as the pages and the API show it: each procedure with reasons, the answers behind them,
 * deadline, what to bring, where and how (online first), and a summary.
 *
 * @param reservationServices the reservation services the catalog suggests for the counter procedures (API only)
 * @param reservationProcedures the procedures that need a visit to the municipality's counter; the reservation link
 *     carries them, and the reservation pages preselect the services that serve them
 */
record ResultView(String eventCode, String eventName, String eventDate, List<ProcedureView> toDo,
        List<ProcedureView> automatic, Summary summary, List<String> reservationServices,
        List<String> reservationProcedures) {

    /** One applicable procedure. */
    record ProcedureView(String code, String name, String summary, String legalBasis, String department,
            String place, String phone, boolean external, List<String> reasons, List<String> answers,
            String deadline, String deadlineNote, LocalDate deadlineDate, boolean noVisitNeeded, String onlineUrl,
            String onlineNote, List<String> channels, List<String> bringSelf, List<String> bringHousehold,
            List<String> bringAgent, List<String> applicants, String fee, int counterMinutes) {
    }

    /** How many procedures, how many online, the estimated time at the counter and the earliest deadline. */
    record Summary(int procedures, int online, int atCounter, int counterMinutes, String earliestDeadline) {
    }

    /** 「2026年（令和8年）4月17日（金）」. */
    static String formatDate(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        String eraYear = Wareki.format(date).replaceAll("\\d+月.*", "");
        return date.getYear() + "年（" + eraYear + "）" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日（"
                + dow.getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
    }

    static ResultView of(Catalog catalog, LifeEvent event, Optional<LocalDate> eventDate, Answers answers,
            List<ApplicableProcedure> procedures) {
        List<ProcedureView> toDo = new ArrayList<>();
        List<ProcedureView> automatic = new ArrayList<>();
        LinkedHashSet<String> services = new LinkedHashSet<>();
        LinkedHashSet<String> counterProcedures = new LinkedHashSet<>();
        int online = 0;
        int atCounter = 0;
        int counterMinutes = 0;
        LocalDate earliest = null;
        for (ApplicableProcedure a : procedures) {
            Procedure p = a.procedure();
            Department d = catalog.department(p.department()).orElse(null);
            List<String> shown = new ArrayList<>();
            if (answers != null) {
                for (String id : a.triggeringQuestions()) {
                    event.question(id).ifPresent(q -> shown.add(q.text() + " → " + display(q, answers.get(id))));
                }
            }
            Optional<ProcedureChannel> onlineChannel = p.online();
            Map<ApplicantType, List<String>> bring = p.bringByApplicant();
            ProcedureView view = new ProcedureView(p.code(), p.name(), p.summary(), p.legalBasis(),
                    d == null ? p.department() : d.name(), d == null ? null : d.place(), d == null ? null : d.phone(),
                    d != null && d.external(), a.reasons(), shown,
                    a.deadline().map(ResultView::formatDate).orElse(null),
                    p.deadline() == null ? null : p.deadline().note(), a.deadline().orElse(null), p.completeOnline(),
                    onlineChannel.map(ProcedureChannel::url).orElse(null),
                    onlineChannel.map(ProcedureChannel::note).orElse(null),
                    p.channelsByPreference().stream().map(c -> c.type().label()).distinct().toList(),
                    p.bringFor(ApplicantType.SELF), bring.getOrDefault(ApplicantType.HOUSEHOLD, List.of()),
                    bring.getOrDefault(ApplicantType.AGENT, List.of()),
                    p.applicants().stream().map(ApplicantType::label).toList(), p.fee().describe(),
                    p.counterMinutes());
            if (p.automatic()) {
                automatic.add(view);
                continue;
            }
            toDo.add(view);
            if (p.completeOnline()) {
                online++;
            } else if (!view.external()) {
                atCounter++;
                counterMinutes += p.counterMinutes();
                counterProcedures.add(p.code());
                if (p.reservationService() != null) {
                    services.add(p.reservationService());
                }
            }
            if (a.deadline().isPresent() && (earliest == null || a.deadline().get().isBefore(earliest))) {
                earliest = a.deadline().get();
            }
        }
        return new ResultView(event.code(), event.name(), eventDate.map(ResultView::formatDate).orElse(null), toDo,
                automatic, new Summary(toDo.size(), online, atCounter, counterMinutes,
                        earliest == null ? null : formatDate(earliest)), List.copyOf(services),
                List.copyOf(counterProcedures));
    }

    /** An answer as a resident reads it: はい/いいえ, dates, option labels, group items. */
    @SuppressWarnings("unchecked")
    static String display(Question q, Object value) {
        if (value == null) {
            return "（未回答）";
        }
        return switch (q.type()) {
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "はい" : "いいえ";
            case DATE -> formatDate((LocalDate) value);
            case CHOICE -> q.option((String) value).map(Question.Option::label).orElse((String) value);
            case MULTI -> ((List<String>) value).isEmpty() ? "なし" : String.join("、", ((List<String>) value).stream()
                    .map(v -> q.option(v).map(Question.Option::label).orElse(v)).toList());
            case NUMBER -> value.toString();
            case GROUP -> {
                List<Map<String, Object>> items = (List<Map<String, Object>>) value;
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    List<String> fields = new ArrayList<>();
                    for (Question f : q.fields()) {
                        fields.add(f.text() + " " + display(f, items.get(i).get(f.id())));
                    }
                    parts.add((q.itemLabel() == null ? "" : q.itemLabel()) + (i + 1) + "（" + String.join("、", fields) + "）");
                }
                yield items.size() + "件: " + String.join(" ", parts);
            }
        };
    }
}
