package jp.madoguchi.certificate;

/** Why a request is refused (the message says the details). */
public enum RefusalReason {
    INVALID_REQUEST,
    PERSON_NOT_FOUND,
    REMOVED_USE_REMOVED_RECORD,
    NOT_REMOVED,
    NOT_SAME_HOUSEHOLD,
    NO_PROXY_LETTER,
    NO_LEGITIMATE_PURPOSE,
    NO_PROFESSION,
    ITEM_NOT_ALLOWED,
    SUPPORT_MEASURE,
    NO_SEAL_REGISTRATION,
    SEAL_CARD_MISMATCH,
    REQUEST_TYPE_NOT_ALLOWED,
    MISSING_GLYPH
}
