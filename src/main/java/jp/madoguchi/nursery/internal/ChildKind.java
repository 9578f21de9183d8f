package jp.madoguchi.nursery.internal;

import java.util.Arrays;
import java.util.Optional;

/** 区分 of a child in an application: a new applicant, a transfer applicant, or an enrolled child who stays. */
public enum ChildKind {
    /** 新規 — applies for a seat. */
    NEW("新規"),
    /** 転園 — holds a seat at its current facility, which frees up if it moves. */
    TRANSFER("転園"),
    /** 在園 — keeps its seat and is not allocated; recorded with its family (e.g. the sibling behind 兄弟在園). */
    ENROLLED("在園");

    private final String label;

    ChildKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind written as its label (新規, 転園, 在園) or its name; empty for anything else. */
    public static Optional<ChildKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.label.equals(text) || k.name().equalsIgnoreCase(text))
                .findFirst();
    }
}
