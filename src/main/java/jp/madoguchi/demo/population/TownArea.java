package jp.madoguchi.demo.population;

import java.util.Objects;

/**
 * A 町丁目 (or 大字) of the demo municipality.
 *
 * @param code three-digit code, e.g. {@code "001"}
 * @param name the name, e.g. 「本町一丁目」
 * @param kana its reading in full-width katakana, e.g. 「ホンチョウイッチョウメ」
 */
public record TownArea(String code, String name, String kana) {
    public TownArea {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kana, "kana");
    }
}
