package jp.madoguchi.payment;

/**
 * eL-QR の内容 — encodes the payload of the unified eL-QR code printed on a 納付書.
 *
 * <p>The payload layout is specified by 地方税共同機構 for municipalities and their vendors and is <b>not published</b>.
 * Madoguchi therefore ships <b>no implementation</b> and invents no layout: a municipality (or its vendor) that holds
 * the specification provides one Spring bean of this interface, and only then does {@link PaymentSlips} print the
 * eL-QR. Without a bean the slip carries the eL番号 fields as text (when stored) and no QR code.
 */
public interface ElQrPayloadEncoder {

    /**
     * The text to encode in the eL-QR symbol for one installment.
     *
     * @param installment the installment; its {@link Installment#eLNumber() eL番号} is present when this is called
     * @param fund the installment's fund
     * @return the QR payload as specified by 地方税共同機構
     */
    String payload(Installment installment, Fund fund);
}
