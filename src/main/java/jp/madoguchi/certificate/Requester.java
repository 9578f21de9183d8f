package jp.madoguchi.certificate;

import java.time.LocalDate;

/**
 * 請求者 — who asks, as shown by their identity document at the counter (or on the postal request form).
 *
 * @param name 氏名 (or the body's name for a public agency)
 * @param birthDate 生年月日, or null (used to recognise a party restricted by a support measure)
 * @param atenaNumber the requester's 宛名番号 when they are in this register (本人・同一世帯), or null
 * @param address 住所, or null
 */
public record Requester(String name, LocalDate birthDate, String atenaNumber, String address) {

    /** A name compared without spaces of either width (「山田　太郎」 = 「山田太郎」). */
    public String comparableName() {
        return name == null ? "" : name.replaceAll("[\\s\u3000]", "");
    }
}
