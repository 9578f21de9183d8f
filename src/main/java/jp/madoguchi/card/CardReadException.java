package jp.madoguchi.card;

import java.util.OptionalInt;

/**
 * A card that could not be read, with a Japanese message for staff (and the card holder) saying what to do. Never
 * carries the PIN or any data read from the card.
 */
public final class CardReadException extends RuntimeException {

    /** Why the read failed. */
    public enum Reason {
        /** No card terminal (PC/SC service or reader missing). */
        NO_READER,
        /** No card on the reader, or it did not answer. */
        NO_CARD,
        /** The card has no 券面事項入力補助AP (not a My Number Card). */
        NOT_MY_NUMBER_CARD,
        /** The typed PIN is not 4 digits; the card was not asked. */
        PIN_FORMAT,
        /** The card refused the PIN; {@link #remainingTries()} says how many tries are left. */
        WRONG_PIN,
        /** The PIN is locked (retry counter at 0). */
        PIN_LOCKED,
        /** The card answered with data this reader cannot parse. */
        MALFORMED_DATA,
        /** The exchange with the card failed midway or the card answered an unexpected status. */
        COMMUNICATION
    }

    private final Reason reason;
    private final int remainingTries;

    private CardReadException(Reason reason, String message, int remainingTries) {
        super(message);
        this.reason = reason;
        this.remainingTries = remainingTries;
    }

    public static CardReadException noReader(String detail) {
        return new CardReadException(Reason.NO_READER,
                "カードが読み取れません。カードリーダーが接続されているか確認してください（" + detail + "）。", -1);
    }

    public static CardReadException noCard() {
        return new CardReadException(Reason.NO_CARD, "カードが読み取れません。カードを置き直してください。", -1);
    }

    public static CardReadException notMyNumberCard() {
        return new CardReadException(Reason.NOT_MY_NUMBER_CARD,
                "マイナンバーカードの券面事項入力補助の機能が見つかりません。マイナンバーカードか確認し、カードを置き直してください。", -1);
    }

    public static CardReadException pinFormat() {
        return new CardReadException(Reason.PIN_FORMAT,
                "暗証番号は4桁の数字で入力してください（カードには送っていません。残りの回数は減っていません）。", -1);
    }

    public static CardReadException wrongPin(int remainingTries) {
        return new CardReadException(Reason.WRONG_PIN, "暗証番号が違います（残り" + remainingTries + "回）。"
                + (remainingTries == 1 ? "次に間違えるとロックされます。" : ""), remainingTries);
    }

    public static CardReadException pinLocked() {
        return new CardReadException(Reason.PIN_LOCKED,
                "暗証番号がロックされています。市区町村窓口で初期化が必要です（本人確認書類をお持ちください）。", 0);
    }

    /** @param what which data and what is wrong, e.g. 「基本4情報: 氏名がありません」 (never the data itself) */
    public static CardReadException malformed(String what) {
        return new CardReadException(Reason.MALFORMED_DATA, "カードのデータを正しく読み取れませんでした（" + what
                + "）。カードを置き直してください。続く場合はカードの確認が必要です。", -1);
    }

    /** @param what what failed, e.g. 「READ BINARY の応答 6982」 */
    public static CardReadException communication(String what) {
        return new CardReadException(Reason.COMMUNICATION,
                "カードとの通信に失敗しました（" + what + "）。カードを置き直してください。", -1);
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#WRONG_PIN} and {@link Reason#PIN_LOCKED}: the PIN's remaining tries. */
    public OptionalInt remainingTries() {
        return remainingTries < 0 ? OptionalInt.empty() : OptionalInt.of(remainingTries);
    }
}
