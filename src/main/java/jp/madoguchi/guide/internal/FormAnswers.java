package jp.madoguchi.guide.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.madoguchi.catalog.Answers;
import jp.madoguchi.catalog.LifeEvent;
import jp.madoguchi.catalog.Question;
import jp.madoguchi.catalog.QuestionType;
import org.springframework.util.MultiValueMap;

/**
 * Answers as HTML form fields, so the guide keeps no state on the server: {@code a.moveInDate},
 * {@code a.vehicles} (repeated for multi, with {@code m.vehicles} marking a multi question as answered even with
 * nothing chosen), {@code a.children.0.birthDate} for group items.
 */
final class FormAnswers {

    private FormAnswers() {
    }

    /** A hidden field to carry an answer to the next page. */
    record Hidden(String name, String value) {
    }

    /** The raw (untyped) answers in the request, for {@link Answers#read}. */
    static Map<String, Object> raw(LifeEvent event, MultiValueMap<String, String> params) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Question q : event.questions()) {
            String key = "a." + q.id();
            switch (q.type()) {
                case MULTI -> {
                    List<String> values = params.getOrDefault(key, List.of()).stream().filter(v -> !v.isBlank()).toList();
                    if (!values.isEmpty() || params.containsKey("m." + q.id())) {
                        raw.put(q.id(), values);
                    }
                }
                case GROUP -> {
                    Map<Integer, Map<String, Object>> items = new TreeMap<>();
                    String prefix = key + ".";
                    for (Map.Entry<String, List<String>> e : params.entrySet()) {
                        if (!e.getKey().startsWith(prefix)) {
                            continue;
                        }
                        String[] parts = e.getKey().substring(prefix.length()).split("\\.", 2);
                        if (parts.length != 2 || !parts[0].matches("\\d{1,2}")) {
                            continue;
                        }
                        String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
                        items.computeIfAbsent(Integer.parseInt(parts[0]), i -> new LinkedHashMap<>()).put(parts[1], value);
                    }
                    if (!items.isEmpty()) {
                        raw.put(q.id(), new ArrayList<>(items.values()));
                    }
                }
                default -> {
                    String v = params.getFirst(key);
                    if (v != null && !v.isBlank()) {
                        raw.put(q.id(), v);
                    }
                }
            }
        }
        return raw;
    }

    /** Hidden fields for every answer except {@code except} (the question on the page). */
    static List<Hidden> hidden(LifeEvent event, Answers answers, String except) {
        List<Hidden> out = new ArrayList<>();
        for (Question q : event.questions()) {
            Object v = answers.get(q.id());
            if (v == null || q.id().equals(except)) {
                continue;
            }
            add(out, "a." + q.id(), q, v);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void add(List<Hidden> out, String name, Question q, Object v) {
        if (q.type() == QuestionType.MULTI) {
            out.add(new Hidden("m." + name.substring(2), "1"));
            for (String s : (List<String>) v) {
                out.add(new Hidden(name, s));
            }
        } else if (q.type() == QuestionType.GROUP) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) v;
            for (int i = 0; i < items.size(); i++) {
                for (Question f : q.fields()) {
                    Object fv = items.get(i).get(f.id());
                    if (fv != null) {
                        add(out, name + "." + i + "." + f.id(), f, fv);
                    }
                }
            }
        } else {
            out.add(new Hidden(name, String.valueOf(v)));
        }
    }
}
