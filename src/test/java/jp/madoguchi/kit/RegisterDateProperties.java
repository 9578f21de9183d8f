package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RegisterDateProperties {

    /** The documented order, computed from the public accessors only. */
    private static final Comparator<RegisterDate> DOCUMENTED = Comparator
            .comparingInt((RegisterDate d) -> d.gregorianYear().orElse(0))
            .thenComparingInt(d -> d.month().orElse(0))
            .thenComparingInt(d -> d.day().orElse(0))
            .thenComparing(RegisterDate::isApproximate)
            .thenComparingInt(d -> d.era().map(Era::code).orElse(0));

    @Provide
    Arbitrary<RegisterDate> registerDates() {
        Arbitrary<RegisterDate> wareki = Combinators.combine(Arbitraries.of(Era.class), Arbitraries.integers().between(1, 129),
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 31), Arbitraries.integers().between(0, 3))
                .as((era, y, m, d, flags) -> attempt(() -> build(era, 1 + (y - 1) % era.lastYear(), m, d, flags)))
                .filter(Optional::isPresent).map(Optional::get);
        Arbitrary<RegisterDate> seireki = Combinators.combine(Arbitraries.integers().between(900, 2147),
                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 31), Arbitraries.integers().between(0, 3))
                .as((y, m, d, flags) -> attempt(() -> build(null, y, m, d, flags)))
                .filter(Optional::isPresent).map(Optional::get);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, wareki), net.jqwik.api.Tuple.of(3, seireki),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(RegisterDate.unknown())));
    }

    private static RegisterDate build(Era era, int y, int m, int d, int flags) {
        int day = m == 0 ? 0 : d;
        RegisterDate r;
        if (era != null) {
            r = m == 0 ? RegisterDate.warekiYear(era, y)
                    : day == 0 ? RegisterDate.warekiYearMonth(era, y, m) : RegisterDate.wareki(era, y, m, day);
        } else {
            r = m == 0 ? RegisterDate.seirekiYear(y)
                    : day == 0 ? RegisterDate.seirekiYearMonth(y, m) : RegisterDate.seireki(y, m, day);
        }
        return flags == 0 ? r.approximate() : r;
    }

    private static <T> Optional<T> attempt(java.util.function.Supplier<T> s) {
        try {
            return Optional.of(s.get());
        } catch (KitFormatException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 2000)
    void codeRoundTrips(@ForAll("registerDates") RegisterDate d) {
        String code = d.toCode();
        assertThat(code).matches("U|[1-5]\\d{6,7}~?|G\\d{8}~?");
        assertThat(RegisterDate.fromCode(code)).isEqualTo(d);
    }

    @Property(tries = 2000)
    void ownCalendarTextRoundTrips(@ForAll("registerDates") RegisterDate d) {
        assertThat(RegisterDate.parse(d.toString())).isEqualTo(d);
    }

    @Property(tries = 2000)
    void orderIsTheDocumentedOneAndSortKeyAgrees(@ForAll("registerDates") RegisterDate a,
            @ForAll("registerDates") RegisterDate b) {
        int documented = Integer.signum(DOCUMENTED.compare(a, b));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(documented);
        assertThat(Integer.signum(Integer.compare(a.sortKey(), b.sortKey()))).isEqualTo(documented);
        assertThat(documented == 0).isEqualTo(a.equals(b));
        assertThat(a.toCode().equals(b.toCode())).isEqualTo(a.equals(b));
    }

    @Property(tries = 2000)
    void exactDatesAreTheirDay(@ForAll("registerDates") RegisterDate d) {
        Optional<LocalDate> day = d.toLocalDate();
        assertThat(day.isPresent()).isEqualTo(d.isExact()).isEqualTo(d.whyNotExact().isEmpty());
        day.ifPresent(ld -> {
            assertThat(ld.getYear()).isEqualTo(d.gregorianYear().getAsInt());
            assertThat(ld.getMonthValue()).isEqualTo(d.month().getAsInt());
            assertThat(ld.getDayOfMonth()).isEqualTo(d.day().getAsInt());
        });
    }

    @Property(tries = 1000)
    void sortKeyFollowsLocalDateOrder(@ForAll("days") LocalDate a, @ForAll("days") LocalDate b) {
        assertThat(Integer.signum(Integer.compare(RegisterDate.of(a).sortKey(), RegisterDate.of(b).sortKey())))
                .isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs().between(LocalDate.of(1873, 1, 1).toEpochDay(), LocalDate.of(2147, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }
}
