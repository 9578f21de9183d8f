package jp.madoguchi.card;

import java.util.Objects;

/**
 * One field of the card compared with the register record: both values exactly as they are written, how they agree,
 * and a Japanese note for staff. Differences are shown, never normalised away: equal-after-normalising is reported as
 * {@link Agreement#NOTATION} or {@link Agreement#VARIANT_CHARACTERS}, not as {@link Agreement#SAME}.
 *
 * @param field which field
 * @param cardValue the card's value, as displayed
 * @param registerValue the register's value, as displayed
 * @param agreement how they agree
 * @param note what staff should know (「住所がカードと住民記録で異なります…」), or empty
 */
public record FieldComparison(Field field, String cardValue, String registerValue, Agreement agreement, String note) {

    /** The compared fields, in display order. */
    public enum Field {
        NAME("氏名"),
        BIRTH_DATE("生年月日"),
        SEX("性別"),
        ADDRESS("住所");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a card value agrees with the register's. */
    public enum Agreement {
        /** 一致 — the same characters. */
        SAME("一致"),
        /** 表記の違いのみ — equal apart from width, spaces, 漢数字, hyphens or 番地/番/号. */
        NOTATION("表記の違いのみ"),
        /** 字形の違い — equal apart from variant characters (髙/高, 﨑/崎…) or an IVS selector. */
        VARIANT_CHARACTERS("字形が異なる"),
        /** 相違 — different. */
        DIFFERENT("相違");

        private final String label;

        Agreement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether staff must look at this field (a different 字形 or a different value). */
        public boolean needsAttention() {
            return this == VARIANT_CHARACTERS || this == DIFFERENT;
        }
    }

    public FieldComparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(cardValue, "cardValue");
        Objects.requireNonNull(registerValue, "registerValue");
        Objects.requireNonNull(agreement, "agreement");
        note = note == null ? "" : note;
    }

    /** Whether staff must look at this field. */
    public boolean needsAttention() {
        return agreement.needsAttention();
    }

    /** Reveals no personal data. */
    @Override
    public String toString() {
        return "FieldComparison[" + field + ": " + agreement + "]";
    }
}
