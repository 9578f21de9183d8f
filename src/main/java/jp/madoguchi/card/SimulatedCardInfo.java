package jp.madoguchi.card;

/**
 * A simulated card as the demo's card picker shows it (simulator mode only). The label names a synthetic person and
 * what the card demonstrates; the card's 個人番号 and PIN are not part of it.
 *
 * @param id the card's identifier in the simulator
 * @param label what the card picker shows, e.g. 「髙橋 一郎（カードの字形が異なる）」
 * @param remainingTries the PIN's remaining tries (0 = locked)
 */
public record SimulatedCardInfo(String id, String label, int remainingTries) {

    /** Whether the PIN is locked. */
    public boolean locked() {
        return remainingTries == 0;
    }
}
