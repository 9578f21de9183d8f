package jp.madoguchi.platform;

/**
 * 地方公共団体 — a municipality served by this platform (a tenant).
 *
 * @param code 地方公共団体コード (6 digits with check digit)
 * @param name e.g. 「窓口町」
 * @param nameKana e.g. 「マドグチマチ」
 * @param prefectureName e.g. 「長野県」
 * @param demo whether it is the fictional demo municipality
 */
public record Municipality(String code, String name, String nameKana, String prefectureName, boolean demo) {

    /** 「長野県窓口町」. */
    public String fullName() {
        return prefectureName + name;
    }
}
