package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.kit.Wareki;

/**
 * A resident's answers to a life event's questions, typed by the questions: Boolean, LocalDate, String (choice),
 * {@code List<String>} (multi), Long (number), {@code List<Map<String,Object>>} (group items). Immutable.
 *
 * <p>{@link #read} accepts loosely typed input — JSON, YAML or form values: "true"/"はい", "2026-04-03" or
 * 「令和8年4月3日」, numbers as text — and reports every answer it cannot accept, by question and item.
 */
public final class Answers {

    public static final Answers NONE = new Answers(Map.of());

    private final Map<String, Object> values;

    private Answers(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public Map<String, Object> values() {
        return values;
    }

    public Object get(String id) {
        return values.get(id);
    }

    public boolean has(String id) {
        return values.containsKey(id);
    }

    public int size() {
        return values.size();
    }

    /** These answers with {@code id} set to the typed {@code value} (or removed when {@code null}). */
    public Answers with(String id, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(id);
        } else {
            copy.put(id, value);
        }
        return new Answers(copy);
    }

    /** Only the answers whose ids are in {@code keep}, in this order. */
    public Answers only(java.util.Collection<String> keep) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String id : keep) {
            if (values.containsKey(id)) {
                copy.put(id, values.get(id));
            }
        }
        return new Answers(copy);
    }

    /**
     * Reads loosely typed answers for {@code event}.
     *
     * @throws AnswerException listing every unknown question and every value that does not fit its question
     */
    public static Answers read(LifeEvent event, Map<String, ?> raw) {
        List<AnswerException.Problem> problems = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Question q = event.question(e.getKey()).orElse(null);
            if (q == null) {
                problems.add(new AnswerException.Problem(e.getKey(),
                        "「" + e.getKey() + "」という質問は「" + event.name() + "」にありません"));
                continue;
            }
            if (e.getValue() == null) {
                continue;
            }
            Object v = convert(q, e.getValue(), e.getKey(), problems);
            if (v != null) {
                typed.put(q.id(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new AnswerException(problems);
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Question q : event.questions()) {
            if (typed.containsKey(q.id())) {
                ordered.put(q.id(), typed.get(q.id()));
            }
        }
        return new Answers(ordered);
    }

    /** Converts one raw value for question {@code q}; records a problem and returns null when it does not fit. */
    static Object convert(Question q, Object raw, String path, List<AnswerException.Problem> problems) {
        String what = "「" + q.text() + "」";
        switch (q.type()) {
            case BOOLEAN -> {
                Object v = raw instanceof List<?> l && l.size() == 1 ? l.get(0) : raw;
                if (v instanceof Boolean b) {
                    return b;
                }
                String s = String.valueOf(v).strip();
                if (s.equals("true") || s.equals("はい")) {
                    return true;
                }
                if (s.equals("false") || s.equals("いいえ")) {
                    return false;
                }
                problems.add(new AnswerException.Problem(path, what + "には「はい」か「いいえ」で答えてください"));
                return null;
            }
            case DATE -> {
                String s = single(raw).strip();
                LocalDate d = parseDate(s);
                if (d == null) {
                    problems.add(new AnswerException.Problem(path, what + "の「" + s
                            + "」は日付として読めません（2026-04-03 や 令和8年4月3日 の形で入力してください）"));
                    return null;
                }
                if (d.getYear() < 1868 || d.getYear() > 2200) {
                    problems.add(new AnswerException.Problem(path, what + "の日付「" + s + "」はありえない年です"));
                    return null;
                }
                return d;
            }
            case CHOICE -> {
                String s = single(raw).strip();
                if (q.option(s).isEmpty()) {
                    problems.add(new AnswerException.Problem(path, what + "に「" + s + "」という選択肢はありません"));
                    return null;
                }
                return s;
            }
            case MULTI -> {
                List<?> list = raw instanceof List<?> l ? l : single(raw).isBlank() ? List.of() : List.of(raw);
                List<String> chosen = new ArrayList<>();
                for (Object o : list) {
                    String s = String.valueOf(o).strip();
                    if (q.option(s).isEmpty()) {
                        problems.add(new AnswerException.Problem(path, what + "に「" + s + "」という選択肢はありません"));
                        return null;
                    }
                    if (!chosen.contains(s)) {
                        chosen.add(s);
                    }
                }
                return List.copyOf(chosen);
            }
            case NUMBER -> {
                String s = single(raw).strip();
                long n;
                try {
                    n = Long.parseLong(jp.madoguchi.kit.CharacterWidth.toHalfWidth(s));
                } catch (NumberFormatException e) {
                    problems.add(new AnswerException.Problem(path, what + "は数字で入力してください（「" + s + "」）"));
                    return null;
                }
                if ((q.min() != null && n < q.min()) || (q.max() != null && n > q.max())) {
                    problems.add(new AnswerException.Problem(path, what + "は" + (q.min() == null ? "" : q.min())
                            + "〜" + (q.max() == null ? "" : q.max()) + "の数で入力してください（" + n + "）"));
                    return null;
                }
                return n;
            }
            case GROUP -> {
                if (!(raw instanceof List<?> items)) {
                    problems.add(new AnswerException.Problem(path, what + "は項目のリストで答えてください"));
                    return null;
                }
                int before = problems.size();
                if (q.min() != null && items.size() < q.min()) {
                    problems.add(new AnswerException.Problem(path, what + "は" + q.min() + "件以上入力してください"));
                }
                if (q.max() != null && items.size() > q.max()) {
                    problems.add(new AnswerException.Problem(path, what + "は" + q.max() + "件までです"));
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    String itemPath = path + "[" + (i + 1) + "]";
                    if (!(items.get(i) instanceof Map<?, ?> item)) {
                        problems.add(new AnswerException.Problem(itemPath, what + "の" + (i + 1) + "件目が項目の形ではありません"));
                        continue;
                    }
                    Map<String, Object> typedItem = new LinkedHashMap<>();
                    for (Question field : q.fields()) {
                        Object v = item.get(field.id());
                        if (v == null || (v instanceof String s && s.isBlank())) {
                            problems.add(new AnswerException.Problem(itemPath + "." + field.id(),
                                    itemName(q, i) + "の「" + field.text() + "」を入力してください"));
                            continue;
                        }
                        Object t = convert(field, v, itemPath + "." + field.id(), problems);
                        if (t != null) {
                            typedItem.put(field.id(), t);
                        }
                    }
                    for (Object key : item.keySet()) {
                        if (q.field(String.valueOf(key)).isEmpty()) {
                            problems.add(new AnswerException.Problem(itemPath + "." + key,
                                    what + "に「" + key + "」という項目はありません"));
                        }
                    }
                    out.add(Collections.unmodifiableMap(typedItem));
                }
                return problems.size() > before ? null : List.copyOf(out);
            }
            default -> throw new IllegalStateException();
        }
    }

    /** 「お子さん2」. */
    static String itemName(Question group, int index) {
        return (group.itemLabel() == null ? "項目" : group.itemLabel()) + (index + 1);
    }

    private static String single(Object raw) {
        if (raw instanceof List<?> l) {
            return l.isEmpty() ? "" : String.valueOf(l.get(0));
        }
        return String.valueOf(raw);
    }

    /** ISO dates, and 和暦 such as 「令和8年4月3日」 or 「R8.4.3」 through the kit. */
    static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return Wareki.parse(s);
            } catch (IllegalArgumentException e2) {
                return null;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Answers" + values.keySet();
    }
}
