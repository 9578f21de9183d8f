package jp.madoguchi.resident;

/**
 * What staff typed into the register search: 氏名カナ (in any width, hiragana or katakana, with or without spaces),
 * optionally 生年月日 (和暦 or 西暦), or a 宛名番号. Blank fields are ignored; at least a kana name or a 宛名番号 is
 * needed.
 */
public record ResidentQuery(String kana, String birthDate, String atenaNumber) {
}
