/**
 * Certificates (証明書の交付): 住民票の写し, 住民票記載事項証明書, 住民票の除票の写し and 印鑑登録証明書 as signed A4
 * PDFs anyone can verify, with the rules of who may get what (住民基本台帳法第12条・第12条の2・第12条の3・第15条の4),
 * DV等支援措置, 本人通知制度, fees per type and channel, the daily cash report (日計表) and 印鑑登録.
 *
 * <p>Entry points: {@link jp.madoguchi.certificate.CertificateIssuance} (counter, post, and a kiosk page to come),
 * {@link jp.madoguchi.certificate.SealRegistry}, {@link jp.madoguchi.certificate.CertificateVerification}.
 * Register data is read only through {@link jp.madoguchi.resident.ResidentRegister#readForCertificate}.
 */
package jp.madoguchi.certificate;
