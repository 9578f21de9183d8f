package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CheckDigitsProperties {

    @Provide
    Arbitrary<String> eleven() {
        return Arbitraries.strings().numeric().ofLength(11);
    }

    @Provide
    Arbitrary<String> twelve() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> bases() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
    }

    private static String substitute(String s, int index, int digit) {
        return s.substring(0, index) + (char) ('0' + digit) + s.substring(index + 1);
    }

    @Property(tries = 1000)
    void myNumberDetectsEverySingleDigitErrorUnlessBothRemaindersMapToZero(@ForAll("eleven") String base,
            @ForAll @IntRange(min = 0, max = 11) int index, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String number = base + CheckDigits.myNumberCheckDigit(base);
        assertThat(CheckDigits.isValidMyNumber(number)).isTrue();
        Assume.that(number.charAt(index) - '0' != digit);
        String changed = substitute(number, index, digit);
        if (index == 11 || number.charAt(11) != '0') {
            assertThat(CheckDigits.isValidMyNumber(changed)).isFalse();
        } else {
            // check digit 0 is shared by remainders 0 and 1: the error is missed exactly when the new base also has 0
            assertThat(CheckDigits.isValidMyNumber(changed)).isEqualTo(CheckDigits.myNumberCheckDigit(changed.substring(0, 11)) == 0);
        }
    }

    @Property(tries = 1000)
    void corporateNumberDetectsEverySingleDigitErrorExceptZeroNineSwaps(@ForAll("twelve") String base,
            @ForAll @IntRange(min = 0, max = 12) int index, @ForAll @IntRange(min = 0, max = 9) int digit) {
        String number = CheckDigits.corporateNumberCheckDigit(base) + base;
        assertThat(CheckDigits.isValidCorporateNumber(number)).isTrue();
        int old = number.charAt(index) - '0';
        Assume.that(old != digit);
        boolean zeroNineSwap = index > 0 && Math.abs(old - digit) == 9;
        assertThat(CheckDigits.isValidCorporateNumber(substitute(number, index, digit))).isEqualTo(zeroNineSwap);
    }

    @Property(tries = 2000)
    void modulus11DetectsEverySingleDigitErrorAndAdjacentTransposition(@ForAll("bases") String base,
            @ForAll @IntRange(min = 0, max = 15) int index, @ForAll @IntRange(min = 0, max = 9) int digit) {
        Assume.that(CheckDigits.canCarryModulus11(base));
        String number = CheckDigits.appendModulus11(base);
        assertThat(CheckDigits.isValidModulus11(number)).isTrue();
        assertThat(new AtenaNumber(number).base()).isEqualTo(base);
        int i = index % number.length();
        if (number.charAt(i) - '0' != digit) {
            assertThat(CheckDigits.isValidModulus11(substitute(number, i, digit))).isFalse();
        }
        if (i + 1 < number.length() && number.charAt(i) != number.charAt(i + 1)) {
            String swapped = number.substring(0, i) + number.charAt(i + 1) + number.charAt(i) + number.substring(i + 2);
            assertThat(CheckDigits.isValidModulus11(swapped)).isFalse();
        }
    }

    @Property(tries = 1000)
    void nextIssuableSkipsOnlyRemainderOne(@ForAll("bases") String base) {
        Assume.that(!base.chars().allMatch(c -> c == '9'));
        String next = CheckDigits.nextIssuable(base);
        assertThat(next).hasSameSizeAs(base);
        assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(base));
        assertThat(CheckDigits.canCarryModulus11(next)).isTrue();
        for (long n = Long.parseLong(base) + 1; n < Long.parseLong(next); n++) {
            assertThat(CheckDigits.canCarryModulus11(String.format("%0" + base.length() + "d", n))).isFalse();
        }
        assertThat(CheckDigits.isValidModulus11(CheckDigits.appendModulus11(next))).isTrue();
    }

    @Property(tries = 500)
    void municipalityCodesDetectSingleDigitErrorsExceptBetweenRemainders0And10(
            @ForAll("fiveDigits") String five, @ForAll @IntRange(min = 0, max = 5) int index,
            @ForAll @IntRange(min = 0, max = 9) int digit) {
        String code = five + CheckDigits.municipalityCodeCheckDigit(five);
        assertThat(CheckDigits.isValidMunicipalityCode(code)).isTrue();
        Assume.that(code.charAt(index) - '0' != digit);
        String changed = substitute(code, index, digit);
        if (index == 5 || code.charAt(5) != '1') {
            assertThat(CheckDigits.isValidMunicipalityCode(changed)).isFalse();
        }
    }

    @Provide
    Arbitrary<String> fiveDigits() {
        return Arbitraries.strings().numeric().ofLength(5);
    }
}
