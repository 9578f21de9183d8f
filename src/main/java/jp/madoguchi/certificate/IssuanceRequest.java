package jp.madoguchi.certificate;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.Channel;

/**
 * 交付請求 — one request for a certificate, from the counter, a postal request or a kiosk.
 *
 * @param type the certificate
 * @param subjectAtena 宛名番号 of the person the certificate is about
 * @param wholeHousehold 世帯全員 (住民票の写し only)
 * @param memberAtenas chosen members (世帯の一部) besides the subject; ignored when {@code wholeHousehold}
 * @param items optional items asked for
 * @param itemsReason why a third party needs 本籍・続柄 (第12条の3第7項), or null
 * @param requestType who asks
 * @param requester the requester
 * @param purposeCategory 利用目的の区分 (第三者請求), or null
 * @param purposeText the stated purpose in the requester's words, or null
 * @param profession 職務上請求: 資格 (弁護士, 司法書士 …), or null
 * @param professionNumber 職務上請求: 登録番号, or null
 * @param proxyLetter 委任状を確認した (代理人)
 * @param sealCardNumber 印鑑登録証 presented (印鑑登録証明書), or null
 * @param channel COUNTER, POST or KIOSK
 * @param copies 通数 (1–20)
 * @param paymentMethod how the fee was paid
 * @param postalOrderNumber 定額小為替の記号番号 (郵送請求), or null
 * @param actor who issues: the staff member, or the resident at a kiosk
 * @param via the screen or API
 */
public record IssuanceRequest(CertificateType type, String subjectAtena, boolean wholeHousehold,
        List<String> memberAtenas, Set<OptionalItem> items, String itemsReason, RequestType requestType,
        Requester requester, PurposeCategory purposeCategory, String purposeText, String profession,
        String professionNumber, boolean proxyLetter, String sealCardNumber, Channel channel, int copies,
        PaymentMethod paymentMethod, String postalOrderNumber, AuditEvent.Actor actor, String via) {

    public IssuanceRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
        memberAtenas = memberAtenas == null ? List.of() : List.copyOf(memberAtenas);
        items = items == null ? Set.of() : Set.copyOf(items);
        requester = requester == null ? new Requester(null, null, null, null) : requester;
        paymentMethod = paymentMethod == null ? PaymentMethod.CASH : paymentMethod;
    }

    /**
     * A kiosk request (セルフ端末): the resident authenticated with their My Number Card asks for their own
     * certificate; the card's 券面事項 (氏名, 生年月日) and the register's 宛名番号 identify them. Pays cashless.
     */
    public static IssuanceRequest kiosk(CertificateType type, String atenaNumber, Requester cardHolder,
            boolean wholeHousehold, Set<OptionalItem> items, int copies, String kioskId) {
        return new IssuanceRequest(type, atenaNumber, wholeHousehold, List.of(), items, null, RequestType.SELF,
                cardHolder, null, null, null, null, false, null, Channel.KIOSK, copies, PaymentMethod.CASHLESS, null,
                new AuditEvent.Actor(AuditEvent.Actor.Kind.RESIDENT, null, "キオスク " + kioskId), "kiosk");
    }
}
