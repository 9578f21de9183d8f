package jp.madoguchi.card;

/** Which card readers this installation uses ({@code madoguchi.card.reader}). */
public enum CardReaderMode {
    /** 実機 — a card terminal over PC/SC ({@code javax.smartcardio}, pcscd on Linux). */
    PCSC,
    /** シミュレーター — simulated cards for demos and tests; no hardware. */
    SIMULATOR
}
