package jp.madoguchi.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.kit.Wareki;

/**
 * A form's typed answers as lines of text, for every place that shows or prints them (the resident's confirmation
 * page, the office case page, the counter's PDFs): dates in 和暦 with the 西暦 year, choices by their label, money
 * with 円, ticks as はい/いいえ, a group's items numbered (「お子さん（1） 氏名」).
 */
public final class AnswerLines {

    private AnswerLines() {
    }

    /**
     * One answer.
     *
     * @param field the top-level field it belongs to
     * @param attachmentId the attachment's id for an attachment field, else {@code null}
     */
    public record Line(FormField field, String label, String value, String attachmentId) {
    }

    /**
     * The lines of {@code values} (typed, or as stored: dates as ISO strings) in the form's order.
     *
     * @param attachmentLabel how to name an attachment by its stored value (file name and size, or 「原本を確認」)
     */
    public static List<Line> of(Form form, Map<String, Object> values, Function<String, String> attachmentLabel) {
        List<Line> out = new ArrayList<>();
        for (FormField f : form.fields()) {
            if (values.containsKey(f.id())) {
                out.addAll(of(f, values.get(f.id()), attachmentLabel));
            }
        }
        return out;
    }

    /**
     * The lines without the files themselves, as printed (the case PDF) or shown to the visitor on the counter's tablet:
     * an attachment is 「原本を窓口で確認」 when staff saw the original at the counter, else 「添付あり」.
     */
    public static List<Line> withoutFiles(Form form, Map<String, Object> values) {
        return of(form, values, v -> ApplicationService.SEEN_AT_COUNTER.equals(v) ? "原本を窓口で確認" : "添付あり");
    }

    /** The lines of one top-level field's value; a group gives one line per item field. */
    public static List<Line> of(FormField f, Object value, Function<String, String> attachmentLabel) {
        List<Line> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (f.isGroup() && value instanceof List<?> items) {
            if (items.isEmpty()) {
                out.add(new Line(f, f.label(), "なし", null));
            }
            int i = 0;
            for (Object item : items) {
                i++;
                String prefix = (f.itemLabel() == null ? f.label() : f.itemLabel()) + "（" + i + "）";
                if (item instanceof Map<?, ?> m) {
                    for (FormField inner : f.fields()) {
                        if (m.get(inner.id()) != null) {
                            out.add(new Line(f, prefix + " " + inner.label(), text(inner, m.get(inner.id()),
                                    attachmentLabel), null));
                        }
                    }
                }
            }
            return out;
        }
        boolean attachment = f.type() == jp.madoguchi.catalog.FieldType.ATTACHMENT;
        out.add(new Line(f, f.label(), text(f, value, attachmentLabel), attachment ? value.toString() : null));
        return out;
    }

    /** One value as text. */
    public static String text(FormField f, Object value, Function<String, String> attachmentLabel) {
        if (value == null) {
            return "";
        }
        return switch (f.type()) {
            case DATE -> {
                LocalDate d = value instanceof LocalDate ld ? ld : LocalDate.parse(value.toString());
                String wareki;
                try {
                    wareki = Wareki.format(d);
                } catch (RuntimeException e) {
                    wareki = null;
                }
                yield wareki == null ? d.toString() : wareki + "（" + d.getYear() + "年）";
            }
            case BOOLEAN -> Boolean.TRUE.equals(value) || "true".equals(value.toString()) ? "はい" : "いいえ";
            case CHOICE -> f.option(value.toString()).map(o -> o.label()).orElse(value.toString());
            case MULTI -> value instanceof List<?> l ? (l.isEmpty() ? "なし" : String.join("、",
                    l.stream().map(v -> f.option(v.toString()).map(o -> o.label()).orElse(v.toString())).toList()))
                    : value.toString();
            case MONEY -> String.format("%,d円", Long.parseLong(value.toString()));
            case ATTACHMENT -> attachmentLabel.apply(value.toString());
            default -> value.toString();
        };
    }
}
