package jp.madoguchi.demo.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class NameTablesTest {

    private final NameTables tables = NameTables.get();

    @Test
    void surnamesAreManyWithKanaAndNoDuplicates() {
        assertThat(tables.surnames).hasSizeGreaterThanOrEqualTo(120);
        assertThat(tables.surnames).extracting(s -> s.name().text()).doesNotHaveDuplicates();
        assertThat(tables.surnames).allSatisfy(s -> assertThat(s.name().kana()).matches(PopulationChecks.KANA));
        assertThat(tables.surnames.subList(0, 10)).extracting(s -> s.name().text())
                .containsExactly("佐藤", "鈴木", "高橋", "髙橋", "田中", "伊藤", "山本", "渡辺", "渡邊", "渡邉");
        assertThat(tables.surnames).filteredOn(NameTables.Surname::variant).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void variantSurnamesHaveTheReadingOfTheirCommonForm() {
        Map<String, String> kana = new TreeMap<>();
        tables.surnames.forEach(s -> kana.put(s.name().text(), s.name().kana()));
        assertThat(kana.get("\u9AD9\u6A4B")).isEqualTo(kana.get("高橋")).isEqualTo("タカハシ");
        assertThat(kana.get("\u5C71\uFA11")).isEqualTo(kana.get("山崎")).isEqualTo("ヤマザキ");
        assertThat(kana.get("\uD842\uDFB7\u7530")).isEqualTo(kana.get("吉田")).isEqualTo("ヨシダ");
        assertThat(kana.get("\u845B\uDB40\uDD00\u897F")).isEqualTo(kana.get("葛西")).isEqualTo("カサイ");
        assertThat(kana.get("\u8FBB\uDB40\uDD00")).isEqualTo(kana.get("辻")).isEqualTo("ツジ");
        assertThat(kana.get("齋藤")).isEqualTo(kana.get("齊藤")).isEqualTo(kana.get("斎藤")).isEqualTo("サイトウ");
        assertThat(kana.get("濵田")).isEqualTo(kana.get("浜田")).isEqualTo("ハマダ");
    }

    @Test
    void givenNamesCoverEveryCohortAndBothSexes() {
        long distinct = tables.givenNames.stream().map(g -> g.sex() + g.name().text()).distinct().count();
        assertThat(distinct).isGreaterThanOrEqualTo(150);
        assertThat(tables.givenNames).allSatisfy(g -> assertThat(g.name().kana()).matches(PopulationChecks.KANA));
        for (int year = 1890; year <= 2040; year++) {
            for (Sex sex : Sex.values()) {
                assertThat(tables.givenNames(sex, year).items()).as("%s %d", sex, year).hasSizeGreaterThan(15);
            }
        }
        assertThat(tables.givenNames(Sex.FEMALE, 1930).items()).extracting(NameTables.Name::text).contains("和子", "幸子");
        assertThat(tables.givenNames(Sex.MALE, 1930).items()).extracting(NameTables.Name::text).contains("清", "勝");
        assertThat(tables.givenNames(Sex.MALE, 2020).items()).extracting(NameTables.Name::text).contains("蓮", "陽翔");
        assertThat(tables.givenNames(Sex.FEMALE, 2020).items()).extracting(NameTables.Name::text).contains("結菜", "陽葵");
    }

    @Test
    void foreignNamesExistForEveryNationalityUsed() {
        for (String nat : List.of("ベトナム", "中国", "韓国", "朝鮮", "フィリピン", "ブラジル", "ネパール", "インドネシア", "米国", "タイ")) {
            for (String kind : List.of("MALE", "FEMALE")) {
                assertThat(tables.foreignNames(nat, kind, 1950).items()).isNotEmpty();
                assertThat(tables.foreignNames(nat, kind, 2020).items()).as("%s %s", nat, kind).isNotEmpty();
            }
            assertThat(tables.hasForeignNames(nat, "FAMILY")
                    || (tables.hasForeignNames(nat, "FAMILY_M") && tables.hasForeignNames(nat, "FAMILY_F"))).isTrue();
        }
        assertThat(tables.foreignNames).allSatisfy(f -> {
            assertThat(f.name().kana()).matches(PopulationChecks.KANA);
            if (f.name().text().chars().anyMatch(c -> c < 0x80)) {
                assertThat(f.name().text()).matches(PopulationChecks.ALPHABETIC_NAME);
                assertThat(f.name().text().split(" ")).hasSameSizeAs(f.name().kana().split("\u3000"));
            }
        });
        assertThat(tables.foreignNames("中国", "FAMILY", 1990).items()).contains(new NameTables.Name("王", "ワン"));
        assertThat(tables.foreignNames("韓国", "MALE", 1990).items()).contains(new NameTables.Name("民俊", "ミンジュン"));
        assertThat(tables.foreignNames("ベトナム", "MALE", 1990).items()).contains(new NameTables.Name("VAN AN", "ヴァン\u3000アン"));
    }

    @Test
    void townAreasHaveKanaAndBuildingsBelongToThem() {
        assertThat(tables.areas).hasSizeBetween(6, 10);
        assertThat(tables.areas).allSatisfy(a -> assertThat(a.area().kana()).matches(PopulationChecks.KANA));
        assertThat(tables.buildings).allSatisfy(b -> assertThat(tables.areas).anyMatch(a -> a.area().code()
                .equals(b.areaCode())));
        assertThat(tables.buildings).filteredOn(NameTables.BuildingSpec::facility).hasSize(1);
    }
}
