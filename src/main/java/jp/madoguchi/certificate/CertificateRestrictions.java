package jp.madoguchi.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * DV等支援措置 and 本人通知制度 registrations — what issuance checks besides the register.
 */
public interface CertificateRestrictions {

    /**
     * 支援措置 — refuse issuance about {@code protectedAtena} to {@code restricted} (by 宛名番号, or by 氏名 and 生年月日),
     * or to every third party, agent and 職務上請求 when {@code allThirdParties}.
     */
    long addSupportMeasure(String protectedAtena, boolean allThirdParties, Requester restricted, LocalDate from,
            LocalDate to);

    /** The measures protecting this person on {@code day}. */
    List<SupportMeasure> measuresFor(String protectedAtena, LocalDate day);

    /** 本人通知制度への登録 (or a new e-mail address). */
    void registerPersonalNotification(String atenaNumber, String email, LocalDate on);

    /**
     * One 支援措置.
     *
     * @param restrictedName 加害者とされる者の氏名, or null
     * @param restrictedBirth その生年月日, or null
     * @param restrictedAtena その宛名番号, or null
     */
    record SupportMeasure(long id, String protectedAtena, boolean allThirdParties, String restrictedName,
            LocalDate restrictedBirth, String restrictedAtena, LocalDate validFrom, LocalDate validTo) {
    }
}
