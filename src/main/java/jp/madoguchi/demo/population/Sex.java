package jp.madoguchi.demo.population;

/** 性別 of a synthetic resident; the loader maps {@link #MALE} to code 1 and {@link #FEMALE} to code 2. */
public enum Sex {
    MALE,
    FEMALE
}
