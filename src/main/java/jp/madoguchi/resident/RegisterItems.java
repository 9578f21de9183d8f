package jp.madoguchi.resident;

/**
 * 証明書の記載事項 — register items a certificate may print that are not part of {@link ResidentRecord}: 本籍 and
 * 筆頭者 (Japanese residents), 住民票コード, and whether the person is a 成年被後見人 (which bars 印鑑登録).
 *
 * @param domicile 本籍, or null (foreign residents have none; unknown in the mirror)
 * @param domicileHead 筆頭者の氏名, or null
 * @param juminhyoCode 住民票コード (11 digits, assigned by 住基ネット), or null
 * @param adultWard whether the person is a 成年被後見人
 */
public record RegisterItems(String domicile, String domicileHead, String juminhyoCode, boolean adultWard) {

    public RegisterItems {
        if (juminhyoCode != null && !juminhyoCode.matches("[0-9]{11}")) {
            throw new ResidentQueryException("juminhyoCode", "住民票コードは11桁の半角数字です。");
        }
    }
}
