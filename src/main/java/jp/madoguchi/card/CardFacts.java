package jp.madoguchi.card;

import java.util.Objects;
import jp.madoguchi.kit.DateDisplay;
import jp.madoguchi.kit.MyNumber;
import jp.madoguchi.kit.RegisterDate;

/**
 * 券面事項 — what the card's 券面事項入力補助AP yields after the PIN: the four basic facts (基本4情報) and the 個人番号.
 *
 * <p>Personal data: {@link #toString()} reveals nothing, and {@link MyNumber} masks itself.
 *
 * @param name 氏名 exactly as the card holds it (UTF-8 on the card)
 * @param address 住所 exactly as the card holds it
 * @param birthDate 生年月日 (西暦 on the card, {@code YYYYMMDD}; a part written {@code 00} is unknown)
 * @param sex 性別
 * @param myNumber 個人番号
 */
public record CardFacts(String name, String address, RegisterDate birthDate, CardSex sex, MyNumber myNumber) {

    public CardFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(myNumber, "myNumber");
    }

    /**
     * The birth date for screens: 和暦 with the card's 西暦 in brackets, 「昭和60年7月7日（1985年7月7日）」 (the card holds
     * 西暦; the register shows 和暦 for Japanese residents and 西暦 for foreign residents).
     */
    public String birthDateForDisplay() {
        String wareki = birthDate.format(DateDisplay.WAREKI);
        String seireki = birthDate.format(DateDisplay.SEIREKI);
        return wareki.equals(seireki) ? seireki : wareki + "（" + seireki + "）";
    }

    /** Reveals no personal data. */
    @Override
    public String toString() {
        return "CardFacts[personal data withheld]";
    }
}
