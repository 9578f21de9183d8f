package jp.madoguchi.application.internal;

import java.util.List;
import jp.madoguchi.application.AttachmentInfo;
import jp.madoguchi.catalog.FormField;

/**
 * One field as a step page shows it: its HTML name and id, what was typed (raw), the error if any, and for groups
 * the items.
 *
 * @param dateParts for dates: era, year, month, day as typed
 * @param items for groups: each item's fields
 * @param controls other fields are shown or hidden by this one's answer (the page refreshes when it changes)
 */
public record FieldView(FormField field, String name, String htmlId, String raw, List<String> rawList, String error,
        String[] dateParts, AttachmentInfo attachment, List<List<FieldView>> items, boolean controls) {

    private static final java.util.Set<String> SIMPLE = java.util.Set.of("text", "address", "kana", "postcode", "phone",
            "email", "number", "money");

    /** Shown as a one-line input. */
    public boolean simpleInput() {
        return SIMPLE.contains(type());
    }

    public String type() {
        return field.type().key();
    }

    public boolean checked(String value) {
        return rawList != null ? rawList.contains(value) : value.equals(raw);
    }

    public String describedBy() {
        StringBuilder b = new StringBuilder();
        if (field.help() != null) {
            b.append(htmlId).append("-hint ");
        }
        if (error != null) {
            b.append(htmlId).append("-error");
        }
        String s = b.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
