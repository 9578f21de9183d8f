package jp.madoguchi.card;

import jp.madoguchi.card.FieldComparison.Agreement;

/**
 * 表記の照合 — how a name or an address someone stated (on a card, in an application) agrees with the register's:
 * {@link Agreement#SAME}, only in notation (width, spaces, 漢数字, hyphens, 番地/番/号), only in 字形 (髙/高, 﨑/崎, an
 * IVS selector), or different. The same rules the card matcher uses (docs/card.md, "Matching").
 */
public final class Notations {

    private Notations() {
    }

    public static Agreement names(String stated, String register) {
        return jp.madoguchi.card.internal.Notation.names(stated, register);
    }

    /** Addresses, given the municipality's prefecture and name (either side may leave them out). */
    public static Agreement addresses(String stated, String register, String prefecture, String municipality) {
        return jp.madoguchi.card.internal.Notation.addresses(stated, register, prefecture, municipality);
    }
}
