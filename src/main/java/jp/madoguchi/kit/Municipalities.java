package jp.madoguchi.kit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The list of prefectures and municipalities with their 全国地方公共団体コード (総務省) — 地方公共団体一覧.
 *
 * <p>Data: {@code prefjp-utf8.csv} and {@code localgovjp-utf8.csv} of code4fukui/localgovjp
 * (github.com/code4fukui/localgovjp, CC0 1.0, see {@code localgovjp.NOTICE}): 47 prefectures and 1,916 entries —
 * 1,741 市区町村 (20 政令指定都市, 772 other 市, 23 特別区, 743 町, 183 村) and the 175 行政区 of the 政令指定都市. The data is
 * loaded once, on first use, thread-safely, and checked while loading: every code has six digits, a valid check
 * digit (CheckDigits) and its prefecture's prefix, and no code appears twice; a deviation fails with the file,
 * line and reason. The one repair made is documented in the source: prefecture codes below 100000 lost their
 * leading zero in {@code prefjp-utf8.csv} (10006 → 010006); it is restored only when the result is the
 * prefecture's own code with a valid check digit.
 *
 * <p>The list is a snapshot: municipal mergers and new 政令指定都市 change it. Codes of abolished municipalities
 * are unknown here.
 */
public final class Municipalities {

    static final String PREFECTURES_RESOURCE = "prefjp-utf8.csv";
    static final String MUNICIPALITIES_RESOURCE = "localgovjp-utf8.csv";

    private static volatile Data shipped;

    private Municipalities() {
    }

    /** The loaded, indexed data (package-private so that tests can load malformed sources). */
    record Data(List<Prefecture> prefectures, List<Municipality> all, Map<String, Municipality> byCode,
            Map<String, List<Municipality>> byName, Map<String, Prefecture> prefectureByKey,
            Map<String, List<Municipality>> byPrefecture) {
    }

    /**
     * The municipality with the code (全国地方公共団体コード).
     *
     * @param code six ASCII digits with a valid check digit, for example {@code "131016"}
     * @return the municipality, or empty if the well-formed code is not in the list
     * @throws KitFormatException if the code is not six digits or its check digit is wrong
     */
    public static Optional<Municipality> byCode(String code) {
        requireWellFormedCode(code);
        return Optional.ofNullable(data().byCode().get(code));
    }

    /**
     * The municipality with the code (全国地方公共団体コード), which must be in the list.
     *
     * @param code six ASCII digits with a valid check digit
     * @return the municipality
     * @throws KitFormatException if the code is malformed, its check digit is wrong, or it is not in the list
     */
    public static Municipality require(String code) {
        return byCode(code).orElseThrow(() -> new KitFormatException(
                "団体コード " + code + " の地方公共団体は一覧にありません",
                "no municipality with code " + code + " in the list"));
    }

    /**
     * Whether the string is the code (全国地方公共団体コード) of a listed municipality or 行政区. Never throws.
     *
     * @param code any string, or {@code null}
     * @return whether it is a listed code
     */
    public static boolean isKnown(String code) {
        return code != null && data().byCode().containsKey(code);
    }

    /**
     * The municipalities with exactly this name, or this prefecture name followed by the name (「北海道札幌市」). A
     * name can be shared (府中市 is in 東京都 and 広島県; 伊達市 in 北海道 and 福島県), so the result is a list, in code
     * order. No normalisation is applied: wards of designated cities are named with their city (「札幌市中央区」);
     * 「中央区」 alone finds only Tokyo's 特別区. Source: 全国地方公共団体コード (総務省) names.
     *
     * @param name the name, possibly prefixed with the prefecture's name
     * @return the matching municipalities; empty if none
     */
    public static List<Municipality> byName(String name) {
        Objects.requireNonNull(name, "name");
        return data().byName().getOrDefault(name, List.of());
    }

    /**
     * The municipalities and 行政区 of a prefecture, in code order (全国地方公共団体コード).
     *
     * @param prefectureCodeOrName the two-digit 都道府県コード ({@code "13"}), the prefecture's six-digit 団体コード
     *     ({@code "130001"}) or its name (「東京都」)
     * @return the municipalities, including 政令指定都市's wards (filter on {@link Municipality#type()} if needed)
     * @throws KitFormatException if no prefecture matches
     */
    public static List<Municipality> inPrefecture(String prefectureCodeOrName) {
        Prefecture p = prefecture(prefectureCodeOrName).orElseThrow(() -> new KitFormatException(
                "都道府県「" + prefectureCodeOrName + "」はありません（2桁の都道府県コード、6桁の団体コード、または「東京都」のような名称を期待）",
                "no prefecture '" + prefectureCodeOrName
                        + "' (expected a two-digit prefecture code, a six-digit code or a name such as 東京都)"));
        return data().byPrefecture().get(p.code());
    }

    /**
     * The prefecture with this two-digit 都道府県コード (JIS X 0401), six-digit 団体コード or exact name.
     *
     * @param codeOrName for example {@code "01"}, {@code "010006"} or 「北海道」
     * @return the prefecture, or empty
     */
    public static Optional<Prefecture> prefecture(String codeOrName) {
        Objects.requireNonNull(codeOrName, "codeOrName");
        return Optional.ofNullable(data().prefectureByKey().get(codeOrName));
    }

    /**
     * The 47 prefectures in code order (JIS X 0401, 全国地方公共団体コード).
     *
     * @return an unmodifiable list
     */
    public static List<Prefecture> prefectures() {
        return data().prefectures();
    }

    /**
     * Every listed municipality and 行政区, in code order (全国地方公共団体コード).
     *
     * @return an unmodifiable list
     */
    public static List<Municipality> all() {
        return data().all();
    }

    static void requireWellFormedCode(String code) {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[0-9]{6}")) {
            throw new KitFormatException("団体コードは半角数字6桁が必要です: 「" + code + "」",
                    "a local government code is six ASCII digits: '" + code + "'");
        }
        if (!CheckDigits.isValidMunicipalityCode(code)) {
            throw new KitFormatException(
                    "団体コード " + code + " の検査数字が誤っています（正しくは "
                            + CheckDigits.municipalityCodeCheckDigit(code.substring(0, 5)) + "）",
                    "check digit of code " + code + " is wrong (expected "
                            + CheckDigits.municipalityCodeCheckDigit(code.substring(0, 5)) + ")");
        }
    }

    private static Data data() {
        Data result = shipped;
        if (result == null) {
            synchronized (Municipalities.class) {
                result = shipped;
                if (result == null) {
                    result = load(PREFECTURES_RESOURCE, KitResources.readUtf8(PREFECTURES_RESOURCE),
                            MUNICIPALITIES_RESOURCE, KitResources.readUtf8(MUNICIPALITIES_RESOURCE));
                    shipped = result;
                }
            }
        }
        return result;
    }

    static Data load(String prefSource, String prefCsv, String muniSource, String muniCsv) {
        Map<String, Prefecture> prefByCode = new TreeMap<>();
        for (Csv.Row row : Csv.read(prefSource, prefCsv, List.of("pid", "pref", "prefkana", "pref_en", "lgcode"))) {
            String code = twoDigitPid(row);
            String lgcode = row.get("lgcode");
            if (lgcode.matches("[1-9][0-9]{4}")) {
                lgcode = "0" + lgcode; // the documented lost leading zero (10006 = 010006)
            }
            if (!lgcode.matches(code + "000[0-9]") || !CheckDigits.isValidMunicipalityCode(lgcode)) {
                throw row.error("都道府県の団体コード「" + row.get("lgcode") + "」が不正です（" + code
                                + "000 と検査数字を期待）",
                        "prefecture code '" + row.get("lgcode") + "' is invalid (expected " + code
                                + "000 and a check digit)");
            }
            Prefecture p = new Prefecture(code, lgcode, row.get("pref"), row.get("prefkana"), row.get("pref_en"));
            if (prefByCode.putIfAbsent(code, p) != null) {
                throw row.error("都道府県コード " + code + " が重複しています", "duplicate prefecture code " + code);
            }
        }
        Map<String, Municipality> byCode = new TreeMap<>();
        for (Csv.Row row : Csv.read(muniSource, muniCsv,
                List.of("pid", "pref", "cid", "city", "citykana", "lgcode"))) {
            String pid = twoDigitPid(row);
            Prefecture p = prefByCode.get(pid);
            if (p == null || !p.name().equals(row.get("pref"))) {
                throw row.error("都道府県「" + row.get("pref") + "」（pid " + row.get("pid") + "）が都道府県一覧と一致しません",
                        "prefecture '" + row.get("pref") + "' (pid " + row.get("pid")
                                + ") does not match the prefecture list");
            }
            String code = row.get("lgcode");
            if (!code.matches("[0-9]{6}")) {
                throw row.error("団体コード「" + code + "」は6桁の数字ではありません",
                        "code '" + code + "' is not six digits");
            }
            if (!CheckDigits.isValidMunicipalityCode(code)) {
                throw row.error("団体コード " + code + " の検査数字が誤っています",
                        "code " + code + " has a wrong check digit");
            }
            if (!code.startsWith(pid)) {
                throw row.error("団体コード " + code + " が都道府県コード " + pid + " で始まりません",
                        "code " + code + " does not start with prefecture code " + pid);
            }
            if (!row.get("cid").matches("[0-9]{4,5}") || Integer.parseInt(row.get("cid")) != Integer.parseInt(
                    code.substring(0, 5))) {
                throw row.error("cid「" + row.get("cid") + "」が団体コード " + code + " と一致しません",
                        "cid '" + row.get("cid") + "' does not match code " + code);
            }
            String[] nameParts = row.get("city").split(" ", -1);
            String[] kanaParts = row.get("citykana").split(" ", -1);
            if (nameParts.length > 2 || nameParts.length != kanaParts.length || row.get("city").isBlank()) {
                throw row.error("名称「" + row.get("city") + "」またはかな「" + row.get("citykana") + "」の形式が不正です",
                        "malformed name '" + row.get("city") + "' or kana '" + row.get("citykana") + "'");
            }
            Municipality.Type type = deriveType(row, code, nameParts);
            Municipality m = new Municipality(code, pid, p.name(), String.join("", nameParts),
                    String.join("", kanaParts), type);
            if (byCode.putIfAbsent(code, m) != null) {
                throw row.error("団体コード " + code + " が重複しています", "duplicate code " + code);
            }
        }
        List<Municipality> all = List.copyOf(byCode.values());
        Map<String, List<Municipality>> byName = new HashMap<>();
        Map<String, List<Municipality>> byPrefecture = new LinkedHashMap<>();
        for (Prefecture p : prefByCode.values()) {
            byPrefecture.put(p.code(), new ArrayList<>());
        }
        for (Municipality m : all) {
            byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
            byName.computeIfAbsent(m.fullName(), k -> new ArrayList<>()).add(m);
            byPrefecture.get(m.prefectureCode()).add(m);
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        byPrefecture.replaceAll((k, v) -> List.copyOf(v));
        Map<String, Prefecture> prefectureByKey = new HashMap<>();
        for (Prefecture p : prefByCode.values()) {
            prefectureByKey.put(p.code(), p);
            prefectureByKey.put(p.localGovernmentCode(), p);
            prefectureByKey.put(p.name(), p);
        }
        List<Prefecture> prefectures = prefByCode.values().stream()
                .sorted(Comparator.comparing(Prefecture::code)).toList();
        return new Data(prefectures, all, Map.copyOf(byCode), Map.copyOf(byName), Map.copyOf(prefectureByKey),
                Map.copyOf(byPrefecture));
    }

    private static String twoDigitPid(Csv.Row row) {
        String pid = row.get("pid");
        if (!pid.matches("[1-9]|[1-3][0-9]|4[0-7]")) {
            throw row.error("pid「" + pid + "」は1～47の数字ではありません", "pid '" + pid + "' is not a number 1 to 47");
        }
        return pid.length() == 1 ? "0" + pid : pid;
    }

    private static Municipality.Type deriveType(Csv.Row row, String code, String[] nameParts) {
        int local = Integer.parseInt(code.substring(2, 5));
        String name = String.join("", nameParts);
        char last = name.charAt(name.length() - 1);
        Municipality.Type type = null;
        if (local >= 100 && local <= 199) {
            if (nameParts.length == 2 && nameParts[0].endsWith("市") && last == '区') {
                type = Municipality.Type.WARD;
            } else if (nameParts.length == 1 && code.startsWith("13") && last == '区') {
                type = Municipality.Type.SPECIAL_WARD;
            } else if (nameParts.length == 1 && last == '市') {
                type = Municipality.Type.DESIGNATED_CITY;
            }
        } else if (nameParts.length == 1 && local >= 200 && local <= 299 && last == '市') {
            type = Municipality.Type.CITY;
        } else if (nameParts.length == 1 && local >= 300 && last == '町') {
            type = Municipality.Type.TOWN;
        } else if (nameParts.length == 1 && local >= 300 && last == '村') {
            type = Municipality.Type.VILLAGE;
        }
        if (type == null) {
            throw row.error("団体コード " + code + " と名称「" + row.get("city") + "」から種別（政令指定都市・行政区・特別区・市・町・村）を判定できません",
                    "cannot tell the type (designated city, ward, special ward, city, town, village) from code "
                            + code + " and name '" + row.get("city") + "'");
        }
        return type;
    }
}
