package jp.madoguchi.nursery.internal;

import java.util.Optional;

/** 区分 of a points item: 基準指数 (per guardian) or 調整指数 (per family or child); stored as BASE / ADJUSTMENT. */
public enum PointsKind {
    /** 基準指数 — a guardian's circumstance (保育の必要性の事由). */
    BASE("基準", "基準指数"),
    /** 調整指数 — an adjustment of the family or of one child. */
    ADJUSTMENT("調整", "調整指数");

    private final String label;
    private final String title;

    PointsKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** 「基準」 or 「調整」, as in the CSV's 区分 column. */
    public String label() {
        return label;
    }

    /** 「基準指数」 or 「調整指数」. */
    public String title() {
        return title;
    }

    /** The kind from 「基準」「基準指数」「調整」「調整指数」 or the enum's name (BASE, ADJUSTMENT). */
    static Optional<PointsKind> parse(String text) {
        String s = CsvValues.normal(text);
        for (PointsKind k : values()) {
            if (s.equals(k.label) || s.equals(k.title) || s.equalsIgnoreCase(k.name())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
