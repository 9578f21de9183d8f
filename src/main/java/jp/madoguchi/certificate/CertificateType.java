package jp.madoguchi.certificate;

/** 証明書の種類 — the kinds of certificate issued. */
public enum CertificateType {
    /** 住民票の写し — copy of the residence record (one person, chosen members or the whole household). */
    RESIDENT_RECORD_COPY("住民票の写し", "この写しは、住民票の原本と相違ないことを証明する。"),
    /** 住民票記載事項証明書 — certificate of chosen items of the residence record. */
    RESIDENT_RECORD_ITEMS("住民票記載事項証明書", "上記のとおり住民票に記載されていることを証明する。"),
    /** 住民票の除票の写し — copy of the record of a person who moved out or died. */
    REMOVED_RECORD_COPY("住民票の除票の写し", "この写しは、住民票の除票の原本と相違ないことを証明する。"),
    /** 印鑑登録証明書 — certificate of a registered seal. */
    SEAL_CERTIFICATE("印鑑登録証明書", "この写しは、登録された印影と相違ないことを証明する。");

    private final String title;
    private final String attestation;

    CertificateType(String title, String attestation) {
        this.title = title;
        this.attestation = attestation;
    }

    /** The title printed at the top. */
    public String title() {
        return title;
    }

    /** 認証文 — the attestation sentence printed above the mayor's certification line. */
    public String attestation() {
        return attestation;
    }

    /** Whether it is made from the residence record (住民票・除票) rather than the seal register. */
    public boolean fromResidenceRecord() {
        return this != SEAL_CERTIFICATE;
    }
}
