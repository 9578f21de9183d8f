package jp.madoguchi.demo.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The name lists and town data, read once from the UTF-8 TSV resources next to this class. Lines starting with
 * {@code #} and blank lines are ignored; fields are separated by a tab and taken byte-exact (no trimming, no
 * normalization, so IVS sequences survive).
 */
final class NameTables {

    /** A name and its katakana reading. */
    record Name(String text, String kana) {}

    /** A weighted choice over a fixed, ordered list (deterministic: no hashing involved). */
    static final class Weighted<T> {
        private final List<T> items;
        private final long[] cumulative;

        Weighted(List<T> items, List<Integer> weights) {
            if (items.isEmpty() || items.size() != weights.size()) {
                throw new IllegalArgumentException("empty or mismatched weighted list");
            }
            this.items = List.copyOf(items);
            this.cumulative = new long[items.size()];
            long sum = 0;
            for (int i = 0; i < items.size(); i++) {
                int w = weights.get(i);
                if (w <= 0) {
                    throw new IllegalArgumentException("weights must be positive");
                }
                sum += w;
                cumulative[i] = sum;
            }
        }

        T pick(SplitMix64 rng) {
            long r = rng.nextLong(cumulative[cumulative.length - 1]);
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > r) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return items.get(lo);
        }

        List<T> items() {
            return items;
        }
    }

    /** Weights of a town area for the kinds of households that settle there. */
    enum AreaKind { OLDTOWN, YOUNG, FAMILY, RURAL, WORKER }

    /** Address styles: 住居表示 (「3番12号」) or 地番 (「512番地3」). */
    enum AddressStyle { JUKYO, CHIBAN }

    record AreaSpec(TownArea area, AddressStyle style, int maxBlock, int[] kindWeights) {}

    /** An apartment building, or a care facility when {@code floors == 0}. */
    record BuildingSpec(String areaCode, String name, int floors, int roomsPerFloor) {
        boolean facility() {
            return floors == 0;
        }
    }

    record Surname(Name name, boolean variant) {}

    record GivenName(Sex sex, int bornFrom, int bornTo, Name name, int weight) {}

    record ForeignName(String nationality, String kind, Name name, int weight, int bornFrom, int bornTo) {}

    record AliasSurname(String familyName, Name alias, int weight) {}

    private static final String BASE = "/jp/madoguchi/demo/population/";

    private static volatile NameTables instance;

    final List<AreaSpec> areas;
    final List<BuildingSpec> buildings;
    final List<Surname> surnames;
    final Weighted<Surname> surnameChoice;
    final List<GivenName> givenNames;
    final List<ForeignName> foreignNames;
    final List<AliasSurname> aliasSurnames;

    private NameTables() {
        areas = read("town_areas.tsv", 10).stream().map(f -> {
            int[] w = new int[AreaKind.values().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = Integer.parseInt(f[5 + i]);
            }
            return new AreaSpec(new TownArea(f[0], f[1], f[2]), AddressStyle.valueOf(f[3]), Integer.parseInt(f[4]), w);
        }).toList();
        buildings = read("buildings.tsv", 4).stream()
                .map(f -> new BuildingSpec(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3])))
                .toList();
        surnames = read("surnames.tsv", 3).stream()
                .map(f -> new Surname(new Name(f[0], f[1]), f.length > 3 && f[3].equals("V")))
                .toList();
        List<Integer> surnameWeights = read("surnames.tsv", 3).stream().map(f -> Integer.parseInt(f[2])).toList();
        surnameChoice = new Weighted<>(surnames, surnameWeights);
        givenNames = read("given_names.tsv", 6).stream()
                .map(f -> new GivenName(f[0].equals("M") ? Sex.MALE : Sex.FEMALE, Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), new Name(f[3], f[4]), Integer.parseInt(f[5])))
                .toList();
        foreignNames = read("foreign_names.tsv", 5).stream()
                .map(f -> new ForeignName(f[0], f[1], new Name(f[2], f[3]), Integer.parseInt(f[4]),
                        f.length > 6 ? Integer.parseInt(f[5]) : Integer.MIN_VALUE,
                        f.length > 6 ? Integer.parseInt(f[6]) : Integer.MAX_VALUE))
                .toList();
        aliasSurnames = read("alias_surnames.tsv", 4).stream()
                .map(f -> new AliasSurname(f[0], new Name(f[1], f[2]), Integer.parseInt(f[3])))
                .toList();
    }

    static NameTables get() {
        NameTables t = instance;
        if (t == null) {
            synchronized (NameTables.class) {
                t = instance;
                if (t == null) {
                    t = new NameTables();
                    instance = t;
                }
            }
        }
        return t;
    }

    /** A weighted choice among the Japanese given names of a sex and birth year. */
    Weighted<Name> givenNames(Sex sex, int birthYear) {
        return weighted("G|" + sex + "|" + birthYear, givenNames, g -> g.sex() == sex && g.bornFrom() <= birthYear && birthYear <= g.bornTo(),
                GivenName::name, GivenName::weight);
    }

    /**
     * A weighted choice among foreign names of a nationality and kind (FAMILY, FAMILY_M, FAMILY_F, MALE, FEMALE) for
     * someone born in {@code birthYear} (rows may be limited to a generation).
     */
    Weighted<Name> foreignNames(String nationality, String kind, int birthYear) {
        return weighted("F|" + nationality + "|" + kind + "|" + birthYear, foreignNames,
                f -> f.nationality().equals(nationality) && f.kind().equals(kind)
                        && f.bornFrom() <= birthYear && birthYear <= f.bornTo(),
                ForeignName::name, ForeignName::weight);
    }

    boolean hasForeignNames(String nationality, String kind) {
        return foreignNames.stream().anyMatch(f -> f.nationality().equals(nationality) && f.kind().equals(kind));
    }

    /** 通称 surnames suitable for a 本名 surname (specific rows, else the generic "*" rows). */
    Weighted<Name> aliasSurnames(String familyName) {
        boolean specific = aliasSurnames.stream().anyMatch(a -> a.familyName().equals(familyName));
        String key = specific ? familyName : "*";
        return weighted("A|" + key, aliasSurnames, a -> a.familyName().equals(key), AliasSurname::alias, AliasSurname::weight);
    }

    // cache of filtered tables, keyed deterministically (TreeMap; lookups only)
    private final TreeMap<String, Weighted<Name>> cache = new TreeMap<>();

    private synchronized <T> Weighted<Name> weighted(String key, List<T> rows, Predicate<T> filter,
            Function<T, Name> name, ToIntFunction<T> weight) {
        Weighted<Name> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Name> items = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (T row : rows) {
            if (filter.test(row)) {
                items.add(name.apply(row));
                weights.add(weight.applyAsInt(row));
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("no names for " + key);
        }
        Weighted<Name> w = new Weighted<>(items, weights);
        cache.put(key, w);
        return w;
    }

    private static List<String[]> read(String file, int minFields) {
        InputStream in = NameTables.class.getResourceAsStream(BASE + file);
        Objects.requireNonNull(in, () -> "missing resource " + BASE + file);
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < minFields) {
                    throw new IllegalStateException(file + ":" + no + ": expected " + minFields + " fields");
                }
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
