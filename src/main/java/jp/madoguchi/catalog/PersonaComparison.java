package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.kit.OfficeCalendar;

/**
 * How a change to the catalog changes one saved persona's result: the procedures the draft gives compared with the
 * version in force, and whether the draft still gives what the persona expects. The office's preview shows one per
 * persona before a draft is published.
 *
 * @param before the version in force's result (procedure → deadline), or {@code null} when the persona cannot run
 *     there (its life event or a question is new in the draft)
 * @param after the draft's result
 * @param added procedures the draft adds
 * @param removed procedures the draft no longer gives
 * @param deadlineChanges procedures whose deadline changes: code → "before → after"
 * @param unexpected where the draft's result differs from the persona's expectation (empty when it matches)
 */
public record PersonaComparison(Persona persona, Map<String, Optional<LocalDate>> before,
        Map<String, Optional<LocalDate>> after, List<String> added, List<String> removed,
        Map<String, String> deadlineChanges, List<String> unexpected) {

    public boolean changed() {
        return before == null || !added.isEmpty() || !removed.isEmpty() || !deadlineChanges.isEmpty();
    }

    /** Runs every persona of {@code draft} against {@code draft} and {@code inForce} (which may be null). */
    public static List<PersonaComparison> compare(Catalog inForce, Catalog draft, LocalDate today,
            OfficeCalendar calendar) {
        List<PersonaComparison> out = new ArrayList<>();
        for (Persona p : draft.personas()) {
            Map<String, Optional<LocalDate>> after = run(draft, p, today, calendar);
            Map<String, Optional<LocalDate>> before = inForce == null ? null : run(inForce, p, today, calendar);
            List<String> added = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, String> changes = new LinkedHashMap<>();
            if (before != null) {
                after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(added::add);
                before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(removed::add);
                after.forEach((k, v) -> {
                    if (before.containsKey(k) && !Objects.equals(before.get(k), v)) {
                        changes.put(k, show(before.get(k)) + " → " + show(v));
                    }
                });
            }
            List<String> unexpected = new ArrayList<>();
            if (after == null) {
                unexpected.add("下書きのカタログでこのペルソナの回答を評価できません");
            } else {
                p.expect().forEach((k, v) -> {
                    if (!after.containsKey(k)) {
                        unexpected.add("期待された手続「" + k + "」が出ません");
                    } else if (!after.get(k).equals(v)) {
                        unexpected.add("手続「" + k + "」の期限が期待（" + show(v) + "）と違います: " + show(after.get(k)));
                    }
                });
                after.keySet().stream().filter(k -> !p.expect().containsKey(k))
                        .forEach(k -> unexpected.add("期待されていない手続「" + k + "」が出ます"));
            }
            out.add(new PersonaComparison(p, before, after == null ? Map.of() : after, added, removed, changes,
                    unexpected));
        }
        return out;
    }

    private static String show(Optional<LocalDate> d) {
        return d.map(LocalDate::toString).orElse("期限なし");
    }

    /** The persona's result in {@code catalog}, or null when it cannot be evaluated there. */
    private static Map<String, Optional<LocalDate>> run(Catalog catalog, Persona p, LocalDate today,
            OfficeCalendar calendar) {
        LifeEvent event = catalog.event(p.event()).orElse(null);
        if (event == null) {
            return null;
        }
        try {
            Determination d = LifeEventEvaluator.determine(catalog, event, Answers.read(event, p.answers()), today,
                    calendar);
            Map<String, Optional<LocalDate>> result = new LinkedHashMap<>();
            d.procedures().forEach(a -> result.put(a.procedure().code(), a.deadline()));
            return result;
        } catch (AnswerException e) {
            return null;
        }
    }
}
