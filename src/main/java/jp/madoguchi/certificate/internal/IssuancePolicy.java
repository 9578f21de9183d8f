package jp.madoguchi.certificate.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.madoguchi.certificate.CertificateRefusedException;
import jp.madoguchi.certificate.CertificateRestrictions.SupportMeasure;
import jp.madoguchi.certificate.CertificateType;
import jp.madoguchi.certificate.IssuanceRequest;
import jp.madoguchi.certificate.OptionalItem;
import jp.madoguchi.certificate.RefusalReason;
import jp.madoguchi.certificate.RequestType;
import jp.madoguchi.certificate.SealRegistry.SealRegistration;
import jp.madoguchi.resident.CertificateRecords;
import jp.madoguchi.resident.Standing;

/**
 * Who may get what — the one place the rules are written. Pure: given the request, the register's records, the seal
 * registration and the support measures, it answers the legal basis and the persons to print, or refuses with a
 * Japanese reason for staff.
 *
 * <ul>
 *   <li>住民票の写し・記載事項証明書: 本人等 (本人・同一世帯・代理人) 住民基本台帳法第12条第1項; 国・地方公共団体の機関
 *       第12条の2第1項; 第三者 第12条の3第1項 (a stated purpose of one of its categories is required);
 *       職務上請求 第12条の3第2項 (資格 and 登録番号 required).</li>
 *   <li>住民票の除票の写し: the same requesters under 第15条の4第1項 / 第2項 / 第3項.</li>
 *   <li>個人番号 only to the person or the household (番号法第19条・住基法第12条第5項の運用); 住民票コード only to 本人等;
 *       本籍・続柄 to a third party only with the reason it is needed (第12条の3第7項 の考え方).</li>
 *   <li>A moved-out or dead person has only a 除票; a registered person has no 除票.</li>
 *   <li>DV等支援措置: refused to the restricted party however they ask, and to every agent and third party when the
 *       measure covers all third parties (住民基本台帳事務処理要領 第5-10).</li>
 *   <li>印鑑登録証明書: the registrant or an agent presenting the 印鑑登録証 (the card number must match).</li>
 * </ul>
 */
final class IssuancePolicy {

    private IssuancePolicy() {
    }

    /** What may be issued: the legal basis and the members to print (for the seal certificate, the subject). */
    record Decision(String legalBasis, List<CertificateRecords.Member> members) {
    }

    static Decision decide(IssuanceRequest r, CertificateRecords records, Optional<SealRegistration> seal,
            Map<String, List<SupportMeasure>> measures, String sealOrdinance, LocalDate today) {
        CertificateRecords.Member subject = records.subject();
        Standing standing = subject.standing();
        CertificateType type = r.type();
        if (r.copies() < 1 || r.copies() > 20) {
            throw refuse(RefusalReason.INVALID_REQUEST, "通数は1～20通で指定してください（指定: " + r.copies() + "）。");
        }
        // 1. The kind of certificate against the person's standing.
        if ((type == CertificateType.RESIDENT_RECORD_COPY || type == CertificateType.RESIDENT_RECORD_ITEMS)
                && standing != Standing.REGISTERED) {
            throw refuse(RefusalReason.REMOVED_USE_REMOVED_RECORD, "この方（宛名番号 " + subject.record().atenaNumber()
                    + "）は" + jp.madoguchi.kit.Wareki.format(subject.removedOn()) + "に" + removal(standing)
                    + "しているため、住民票は交付できません。「住民票の除票の写し」を請求してください。");
        }
        if (type == CertificateType.REMOVED_RECORD_COPY && standing == Standing.REGISTERED) {
            throw refuse(RefusalReason.NOT_REMOVED, "この方（宛名番号 " + subject.record().atenaNumber()
                    + "）は住民登録があるため除票はありません。「住民票の写し」を請求してください。");
        }
        if (type == CertificateType.SEAL_CERTIFICATE && standing != Standing.REGISTERED) {
            throw refuse(RefusalReason.NO_SEAL_REGISTRATION, "この方は" + removal(standing)
                    + "により住民登録がなく、印鑑登録は廃止されています。印鑑登録証明書は交付できません。");
        }
        // 4. Who is printed.
        List<CertificateRecords.Member> printed = printedMembers(r, records);
        // 5. DV等支援措置.
        for (CertificateRecords.Member m : printed) {
            for (SupportMeasure measure : measures.getOrDefault(m.record().atenaNumber(), List.of())) {
                if (today.isBefore(measure.validFrom()) || today.isAfter(measure.validTo())) {
                    continue;
                }
                if (isRestrictedParty(r, measure)) {
                    throw refuse(RefusalReason.SUPPORT_MEASURE, "支援措置（DV等）の対象者（宛名番号 "
                            + m.record().atenaNumber() + "）に関する請求です。請求者が加害者とされる者に該当するため交付できません"
                            + "（住民基本台帳事務処理要領 第5-10）。請求は記録されました。担当（住民記録係）に連絡してください。");
                }
                if (measure.allThirdParties() && !(r.requestType() == RequestType.SELF
                        || r.requestType() == RequestType.SAME_HOUSEHOLD
                        || r.requestType() == RequestType.PUBLIC_AGENCY)) {
                    throw refuse(RefusalReason.SUPPORT_MEASURE, "支援措置（DV等）の対象者（宛名番号 "
                            + m.record().atenaNumber() + "）について、代理人・第三者・職務上請求による交付は制限されています"
                            + "（住民基本台帳事務処理要領 第5-10）。請求は記録されました。担当（住民記録係）に連絡してください。");
                }
            }
        }
        // 2. Who asks.
        requireRequester(r, records);
        // 3. Optional items.
        checkItems(r);
        // 6. The seal.
        if (type == CertificateType.SEAL_CERTIFICATE) {
            if (seal.isEmpty()) {
                throw refuse(RefusalReason.NO_SEAL_REGISTRATION, "この方（宛名番号 " + subject.record().atenaNumber()
                        + "）の印鑑登録はありません（未登録または廃止済み）。印鑑登録証明書は交付できません。");
            }
            String presented = r.sealCardNumber() == null ? "" : r.sealCardNumber().strip();
            if (!presented.equals(seal.get().cardNumber())) {
                throw refuse(RefusalReason.SEAL_CARD_MISMATCH, presented.isEmpty()
                        ? "印鑑登録証（カード）の提示が必要です。印鑑登録証の番号を入力してください。"
                        : "提示された印鑑登録証の番号が登録と一致しません（紛失・再交付済みのカードの可能性があります）。");
            }
        }
        return new Decision(legalBasis(type, r.requestType(), sealOrdinance), printed);
    }

    private static String removal(Standing standing) {
        return switch (standing) {
            case MOVED_OUT -> "転出";
            case DIED -> "死亡";
            default -> "消除";
        };
    }

    private static void requireRequester(IssuanceRequest r, CertificateRecords records) {
        String subjectAtena = records.subject().record().atenaNumber();
        if (r.type() == CertificateType.SEAL_CERTIFICATE && r.requestType() != RequestType.SELF
                && r.requestType() != RequestType.PROXY) {
            throw refuse(RefusalReason.REQUEST_TYPE_NOT_ALLOWED, "印鑑登録証明書は、本人または印鑑登録証を持参した代理人にだけ"
                    + "交付できます（請求者の種別: " + r.requestType().label() + "）。");
        }
        switch (r.requestType()) {
            case SELF -> {
                if (r.requester().atenaNumber() != null && !r.requester().atenaNumber().isBlank()
                        && !r.requester().atenaNumber().equals(subjectAtena)) {
                    throw refuse(RefusalReason.INVALID_REQUEST, "「本人」の請求ですが、請求者の宛名番号が証明書の対象者と異なります。"
                            + "請求者の種別を確認してください。");
                }
            }
            case SAME_HOUSEHOLD -> {
                String atena = r.requester().atenaNumber();
                boolean member = atena != null && records.members().stream()
                        .anyMatch(m -> m.record().atenaNumber().equals(atena.strip()));
                if (!member || r.type() == CertificateType.REMOVED_RECORD_COPY) {
                    throw refuse(RefusalReason.NOT_SAME_HOUSEHOLD, "請求者（宛名番号 " + (atena == null ? "未入力" : atena)
                            + "）は対象者と同一世帯の住民として確認できません。請求者の宛名番号を入力するか、"
                            + "代理人（委任状）または第三者請求として受け付けてください。");
                }
            }
            case PROXY -> {
                requireText(r.requester().name(), "代理人の氏名");
                if (!r.proxyLetter()) {
                    throw refuse(RefusalReason.NO_PROXY_LETTER, "代理人による請求には委任状が必要です。委任状を確認したら"
                            + "「委任状を確認した」にチェックしてください。");
                }
            }
            case PUBLIC_AGENCY -> {
                requireText(r.requester().name(), "請求機関の名称");
                requireText(r.purposeText(), "請求事由（法令の根拠）");
            }
            case THIRD_PARTY -> {
                if (r.purposeCategory() == null || r.purposeText() == null || r.purposeText().isBlank()) {
                    throw refuse(RefusalReason.NO_LEGITIMATE_PURPOSE, "第三者請求には、住民基本台帳法第12条の3第1項の"
                            + "利用目的の区分と、具体的な利用目的の記載が必要です。正当な目的のない請求には交付できません。");
                }
                requireText(r.requester().name(), "請求者の氏名");
                requireText(r.requester().address(), "請求者の住所");
            }
            case OFFICIAL_DUTY -> {
                if (r.profession() == null || r.profession().isBlank() || r.professionNumber() == null
                        || r.professionNumber().isBlank()) {
                    throw refuse(RefusalReason.NO_PROFESSION, "職務上請求には、資格（弁護士・司法書士など）と登録番号が"
                            + "必要です（住民基本台帳法第12条の3第2項）。");
                }
                requireText(r.requester().name(), "請求者（特定事務受任者）の氏名");
                requireText(r.purposeText(), "利用目的（受任している事件・事務）");
            }
            default -> throw new IllegalStateException(r.requestType().name());
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw refuse(RefusalReason.INVALID_REQUEST, what + "を入力してください。");
        }
    }

    private static void checkItems(IssuanceRequest r) {
        Set<OptionalItem> items = r.items();
        RequestType who = r.requestType();
        if (r.type() == CertificateType.SEAL_CERTIFICATE && !items.isEmpty()) {
            throw refuse(RefusalReason.ITEM_NOT_ALLOWED, "印鑑登録証明書には省略可能な記載事項（本籍・続柄など）はありません。");
        }
        if (items.contains(OptionalItem.MY_NUMBER) && who != RequestType.SELF && who != RequestType.SAME_HOUSEHOLD) {
            throw refuse(RefusalReason.ITEM_NOT_ALLOWED, "個人番号の記載は本人または同一世帯の方の請求に限られます（請求者の種別: "
                    + who.label() + "）。個人番号を外して請求してください。");
        }
        if (items.contains(OptionalItem.JUMINHYO_CODE) && !who.personOrFamily()) {
            throw refuse(RefusalReason.ITEM_NOT_ALLOWED, "住民票コードの記載は本人等（本人・同一世帯・代理人）の請求に限られます（請求者の種別: "
                    + who.label() + "）。");
        }
        if ((items.contains(OptionalItem.DOMICILE) || items.contains(OptionalItem.RELATIONSHIP))
                && (who == RequestType.THIRD_PARTY || who == RequestType.OFFICIAL_DUTY)
                && (r.itemsReason() == null || r.itemsReason().isBlank())) {
            throw refuse(RefusalReason.ITEM_NOT_ALLOWED, "第三者・職務上請求で本籍・続柄を記載するには、それが必要な理由の記載が必要です。");
        }
    }

    private static List<CertificateRecords.Member> printedMembers(IssuanceRequest r, CertificateRecords records) {
        if (r.type() != CertificateType.RESIDENT_RECORD_COPY || r.wholeHousehold()) {
            return r.type() == CertificateType.RESIDENT_RECORD_COPY ? records.members() : List.of(records.subject());
        }
        List<CertificateRecords.Member> printed = new ArrayList<>();
        for (CertificateRecords.Member m : records.members()) {
            String atena = m.record().atenaNumber();
            if (atena.equals(records.subject().record().atenaNumber()) || r.memberAtenas().contains(atena)) {
                printed.add(m);
            }
        }
        for (String chosen : r.memberAtenas()) {
            if (printed.stream().noneMatch(m -> m.record().atenaNumber().equals(chosen))) {
                throw refuse(RefusalReason.INVALID_REQUEST, "宛名番号 " + chosen + " の方は対象者と同じ世帯にいません。");
            }
        }
        return printed;
    }

    static boolean isRestrictedParty(IssuanceRequest r, SupportMeasure measure) {
        String atena = r.requester().atenaNumber();
        if (measure.restrictedAtena() != null && atena != null && measure.restrictedAtena().equals(atena.strip())) {
            return true;
        }
        if (measure.restrictedName() == null) {
            return false;
        }
        boolean sameName = measure.restrictedName().replaceAll("[\\s\u3000]", "")
                .equals(r.requester().comparableName());
        // A name match without both birth dates is treated as a match: never issue by accident.
        return sameName && (measure.restrictedBirth() == null || r.requester().birthDate() == null
                || measure.restrictedBirth().equals(r.requester().birthDate()));
    }

    static String legalBasis(CertificateType type, RequestType who, String sealOrdinance) {
        if (type == CertificateType.SEAL_CERTIFICATE) {
            return sealOrdinance;
        }
        if (type == CertificateType.REMOVED_RECORD_COPY) {
            return switch (who) {
                case SELF, SAME_HOUSEHOLD, PROXY -> "住民基本台帳法第15条の4第1項";
                case PUBLIC_AGENCY -> "住民基本台帳法第15条の4第2項";
                case THIRD_PARTY, OFFICIAL_DUTY -> "住民基本台帳法第15条の4第3項";
            };
        }
        return switch (who) {
            case SELF, SAME_HOUSEHOLD, PROXY -> "住民基本台帳法第12条第1項";
            case PUBLIC_AGENCY -> "住民基本台帳法第12条の2第1項";
            case THIRD_PARTY -> "住民基本台帳法第12条の3第1項";
            case OFFICIAL_DUTY -> "住民基本台帳法第12条の3第2項";
        };
    }

    static CertificateRefusedException refuse(RefusalReason reason, String message) {
        return new CertificateRefusedException(reason, message);
    }
}
