/**
 * 公金収納 — public-fund payments: what is owed ({@link jp.madoguchi.payment.Assessments 調定 and 期別}), payment
 * files from collection agents and banks read by {@link jp.madoguchi.payment.PaymentFileFormat plug-in formats},
 * their reconciliation (消込) into each installment's {@link jp.madoguchi.payment.InstallmentState payment state},
 * the quarantine and refund lists, the 収納日計表 and the export for the finance system, and the 口座振替 request
 * file for the bank. See docs/payments.md.
 */
package jp.madoguchi.payment;
