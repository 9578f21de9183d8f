package jp.madoguchi.application;

/** The acknowledgement of a submission: its 受付番号; {@code repeated} when the same submission came again. */
public record Submitted(long applicationId, String receiptNumber, boolean repeated) {
}
