package jp.madoguchi.reservation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * お持ちいただくもの — what a visitor brings for a service: the procedure catalog's lists ({@code bring}) of the
 * procedures the service serves, per applicant (本人, 同一世帯の方, 代理人); when none of them is in the catalog in
 * force, the service's own text.
 *
 * @param procedures the linked procedures found in the catalog in force, in the service's order
 * @param serviceText the service's own text (used only when {@code procedures} is empty)
 */
record WhatToBring(List<ProcedureItems> procedures, String serviceText) {

    WhatToBring {
        procedures = List.copyOf(procedures);
        serviceText = serviceText == null ? "" : serviceText;
    }

    /** One procedure (手続) with what each kind of applicant brings. */
    record ProcedureItems(String code, String name, List<Group> groups) {
        ProcedureItems {
            groups = List.copyOf(groups);
        }
    }

    /** The items of one applicant type, e.g. 「本人」: 本人確認書類, …. */
    record Group(String applicant, List<String> items) {
        Group {
            items = List.copyOf(items);
        }
    }

    /** Whether the lists come from the catalog (else the service's own text is shown). */
    public boolean fromCatalog() {
        return !procedures.isEmpty();
    }

    public boolean isEmpty() {
        return procedures.isEmpty() && serviceText.isBlank();
    }

    /** Plain text for e-mails and SMS: one block per procedure, or the service's text. */
    public String asText() {
        if (!fromCatalog()) {
            return serviceText;
        }
        List<String> lines = new ArrayList<>();
        for (ProcedureItems p : procedures) {
            lines.add("【" + p.name() + "】");
            for (Group g : p.groups()) {
                lines.add("  " + g.applicant() + "が来庁するとき: " + String.join("、", g.items()));
            }
        }
        return String.join("\n", lines);
    }
}
