package jp.madoguchi.application.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.application.AttachmentInfo;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.kit.Wareki;

/** A typed answer as text for confirmation and case pages: dates in 和暦, choices by label, money with 円. */
final class AnswerText {

    private AnswerText() {
    }

    /** Label → text; a group gives one line per item field. */
    static Map<String, String> of(FormField f, Object value, Map<String, AttachmentInfo> files) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.type() == FieldType.GROUP && value instanceof List<?> items) {
            if (items.isEmpty()) {
                out.put(f.label(), "なし");
            }
            int i = 0;
            for (Object item : items) {
                i++;
                String prefix = (f.itemLabel() == null ? f.label() : f.itemLabel()) + "（" + i + "）";
                if (item instanceof Map<?, ?> m) {
                    for (FormField inner : f.fields()) {
                        if (m.containsKey(inner.id())) {
                            out.put(prefix + " " + inner.label(), text(inner, m.get(inner.id()), files));
                        }
                    }
                }
            }
            return out;
        }
        out.put(f.label(), text(f, value, files));
        return out;
    }

    static String text(FormField f, Object value, Map<String, AttachmentInfo> files) {
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
            case ATTACHMENT -> {
                AttachmentInfo a = files.get(value.toString());
                yield a == null ? "添付あり" : a.originalName() + "（" + a.sizeLabel() + "）";
            }
            default -> value.toString();
        };
    }
}
