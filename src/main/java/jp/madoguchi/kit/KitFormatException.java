package jp.madoguchi.kit;

import java.io.Serial;

/**
 * 書式エラー — the one exception every parser and validator of the kit throws for malformed input.
 *
 * <p>It carries the message twice: in Japanese (for residents and counter staff) and in English (for logs and
 * developers). {@link #getMessage()} returns {@code "<japanese> / <english>"}. Messages say what was expected; no
 * kit parser ever returns a silently "corrected" value instead of throwing. Messages about 個人番号 never contain
 * the number (番号法 — 行政手続における特定の個人を識別するための番号の利用等に関する法律).
 */
public class KitFormatException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String japaneseMessage;
    private final String englishMessage;

    /**
     * Creates the exception.
     *
     * @param japaneseMessage what went wrong, in Japanese (日本語のメッセージ)
     * @param englishMessage the same, in English
     */
    public KitFormatException(String japaneseMessage, String englishMessage) {
        super(japaneseMessage + " / " + englishMessage);
        this.japaneseMessage = japaneseMessage;
        this.englishMessage = englishMessage;
    }

    /** @return the Japanese message (日本語のメッセージ), for residents and staff */
    public String japaneseMessage() {
        return japaneseMessage;
    }

    /** @return the English message, for logs and developers */
    public String englishMessage() {
        return englishMessage;
    }
}
