package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MunicipalitiesTest {

    /** Independent implementation of the 全国地方公共団体コード check digit (weights 6,5,4,3,2; 11 − r, mod 10). */
    private static boolean checkDigitHolds(String code) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (code.charAt(i) - '0') * (6 - i);
        }
        int cd = (11 - sum % 11) % 10;
        return code.charAt(5) - '0' == cd;
    }

    @Test
    void everyListedCodePassesItsCheckDigit() {
        List<Municipality> all = Municipalities.all();
        assertThat(all).hasSize(1916);
        List<String> failing = all.stream().map(Municipality::code)
                .filter(c -> !checkDigitHolds(c) || !CheckDigits.isValidMunicipalityCode(c)).toList();
        assertThat(failing).as("codes failing their check digit").isEmpty();
        assertThat(Municipalities.prefectures()).allSatisfy(p -> assertThat(checkDigitHolds(p.localGovernmentCode()))
                .as(p.name()).isTrue());
    }

    @Test
    void listIsInCodeOrderWithoutDuplicates() {
        List<String> codes = Municipalities.all().stream().map(Municipality::code).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void typesAreDerivedForEveryEntry() {
        Map<Municipality.Type, Long> counts = Municipalities.all().stream()
                .collect(Collectors.groupingBy(Municipality::type, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                Municipality.Type.DESIGNATED_CITY, 20L,
                Municipality.Type.WARD, 175L,
                Municipality.Type.SPECIAL_WARD, 23L,
                Municipality.Type.CITY, 772L,
                Municipality.Type.TOWN, 743L,
                Municipality.Type.VILLAGE, 183L));
        assertThat(Municipality.Type.DESIGNATED_CITY.japaneseName()).isEqualTo("政令指定都市");
    }

    @Test
    void prefecturesRestoreTheLostLeadingZero() {
        List<Prefecture> prefectures = Municipalities.prefectures();
        assertThat(prefectures).hasSize(47);
        assertThat(prefectures.get(0)).isEqualTo(new Prefecture("01", "010006", "北海道", "ほっかいどう", "Hokkaido"));
        assertThat(prefectures.get(12).localGovernmentCode()).isEqualTo("130001");
        assertThat(prefectures.get(46).name()).isEqualTo("沖縄県");
        assertThat(Municipalities.prefecture("010006")).contains(prefectures.get(0));
        assertThat(Municipalities.prefecture("北海道")).contains(prefectures.get(0));
        assertThat(Municipalities.prefecture("北海")).isEmpty();
    }

    @Test
    void looksUpByCode() {
        Municipality chiyoda = Municipalities.require("131016");
        assertThat(chiyoda).isEqualTo(new Municipality("131016", "13", "東京都", "千代田区", "ちよだく",
                Municipality.Type.SPECIAL_WARD));
        assertThat(Municipalities.byCode("011002")).hasValueSatisfying(m -> {
            assertThat(m.name()).isEqualTo("札幌市");
            assertThat(m.type()).isEqualTo(Municipality.Type.DESIGNATED_CITY);
        });
        assertThat(Municipalities.require("011011")).satisfies(m -> {
            assertThat(m.name()).isEqualTo("札幌市中央区");
            assertThat(m.kana()).isEqualTo("さっぽろしちゅうおうく");
            assertThat(m.type()).isEqualTo(Municipality.Type.WARD);
        });
        assertThat(Municipalities.require("342106").name()).isEqualTo("庄原市"); // the row with a quoted field
        assertThat(Municipalities.require("473821").name()).isEqualTo("与那国町");
        assertThat(Municipalities.byCode("019992")).isEmpty(); // well formed, not a municipality
    }

    @Test
    void rejectsMalformedCodes() {
        assertThatThrownBy(() -> Municipalities.byCode("131017"))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("検査数字")
                .hasMessageContaining("expected 6");
        assertThatThrownBy(() -> Municipalities.byCode("13101"))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("six ASCII digits");
        assertThatThrownBy(() -> Municipalities.byCode("１３１０１６"))
                .isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> Municipalities.require("019992"))
                .isInstanceOfSatisfying(KitFormatException.class, e -> {
                    assertThat(e.japaneseMessage()).contains("019992", "一覧にありません");
                    assertThat(e.englishMessage()).contains("019992", "no municipality");
                });
        assertThat(Municipalities.isKnown("131016")).isTrue();
        assertThat(Municipalities.isKnown("131017")).isFalse();
        assertThat(Municipalities.isKnown("13101")).isFalse();
        assertThat(Municipalities.isKnown(null)).isFalse();
    }

    @Test
    void looksUpByNameIncludingAmbiguousNames() {
        assertThat(Municipalities.byName("府中市")).extracting(Municipality::code)
                .containsExactly("132063", "342084");
        assertThat(Municipalities.byName("東京都府中市")).extracting(Municipality::code).containsExactly("132063");
        assertThat(Municipalities.byName("広島県府中市")).extracting(Municipality::code).containsExactly("342084");
        assertThat(Municipalities.byName("北海道札幌市")).extracting(Municipality::code).containsExactly("011002");
        assertThat(Municipalities.byName("札幌市中央区")).extracting(Municipality::code).containsExactly("011011");
        assertThat(Municipalities.byName("中央区")).extracting(Municipality::fullName).containsExactly("東京都中央区");
        assertThat(Municipalities.byName("伊達市")).hasSize(2);
        assertThat(Municipalities.byName("札幌")).isEmpty();
        assertThat(Municipalities.byName("札幌市 中央区")).isEmpty();
    }

    @Test
    void fullNamesAreUnique() {
        Map<String, Long> counts = Municipalities.all().stream()
                .collect(Collectors.groupingBy(Municipality::fullName, Collectors.counting()));
        assertThat(counts.values()).containsOnly(1L);
        assertThat(Municipalities.all()).allSatisfy(m ->
                assertThat(Municipalities.byName(m.fullName())).containsExactly(m));
    }

    @Test
    void listsAPrefecture() {
        List<Municipality> tokyo = Municipalities.inPrefecture("東京都");
        assertThat(tokyo).hasSize(62).allSatisfy(m -> assertThat(m.prefectureCode()).isEqualTo("13"));
        assertThat(Municipalities.inPrefecture("13")).isEqualTo(tokyo);
        assertThat(Municipalities.inPrefecture("130001")).isEqualTo(tokyo);
        Map<String, Long> perPrefecture = Municipalities.all().stream()
                .collect(Collectors.groupingBy(Municipality::prefectureCode, Collectors.counting()));
        assertThat(Municipalities.prefectures()).allSatisfy(p ->
                assertThat((long) Municipalities.inPrefecture(p.code()).size()).isEqualTo(perPrefecture.get(p.code())));
        assertThatThrownBy(() -> Municipalities.inPrefecture("東京"))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("東京");
        assertThatThrownBy(() -> Municipalities.inPrefecture("48")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void listsAreUnmodifiable() {
        assertThatThrownBy(() -> Municipalities.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Municipalities.byName("府中市").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static final String PREFS = "pid,pref,prefkana,prefshort,prefshortkana,pref_en,pref3code,url,lgcode\n"
            + "1,北海道,ほっかいどう,北海道,ほっかいどう,Hokkaido,HKD,u,10006\n";
    private static final String HEADER = "pid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode\n";

    private static KitFormatException loadError(String prefs, String municipalities) {
        try {
            Municipalities.load("p.csv", prefs, "m.csv", municipalities);
        } catch (KitFormatException e) {
            return e;
        }
        throw new AssertionError("expected a KitFormatException");
    }

    @Test
    void loaderAcceptsAWellFormedSource() {
        var data = Municipalities.load("p.csv", PREFS, "m.csv",
                HEADER + "1,北海道,1100,札幌市,さっぽろし,0,0,u,\"市民の\"\"力\"\"\",011002\n");
        assertThat(data.all()).extracting(Municipality::name).containsExactly("札幌市");
    }

    @Test
    void loaderReportsFileLineAndReason() {
        Function<String, String> muni = row -> loadError(PREFS, HEADER + row + "\n").getMessage();
        assertThat(muni.apply("1,北海道,1100,札幌市,さっぽろし,0,0,u,x,011003"))
                .contains("m.csv 2行目", "m.csv line 2", "check digit");
        assertThat(muni.apply("1,北海道,1100,札幌市,さっぽろし,0,0,u,x,11002"))
                .contains("m.csv line 2", "not six digits");
        assertThat(muni.apply("1,北海道,1101,札幌市,さっぽろし,0,0,u,x,011002")).contains("cid");
        assertThat(muni.apply("1,青森県,1100,札幌市,さっぽろし,0,0,u,x,011002")).contains("prefecture list");
        assertThat(muni.apply("1,北海道,1100,札幌市,さっぽろし,0,0,u,\"x,011002")).contains("unterminated");
        assertThat(muni.apply("1,北海道,1100,札幌市,さっぽろし,0,0,u,011002")).contains("9 fields, expected 10");
        assertThat(muni.apply("1,北海道,1100,札幌,さっぽろ,0,0,u,x,011002")).contains("cannot tell the type");
        assertThat(loadError(PREFS, HEADER + "1,北海道,1100,札幌市,さっぽろし,0,0,u,x,011002\n"
                + "1,北海道,1100,札幌市,さっぽろし,0,0,u,x,011002\n").getMessage()).contains("m.csv line 3", "duplicate");
        assertThat(loadError(PREFS, "pid,pref,city\n").getMessage()).contains("column 'cid' is missing");
        assertThat(loadError(PREFS.replace("10006", "10007"), HEADER).getMessage()).contains("p.csv line 2");
    }
}
