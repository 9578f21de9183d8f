package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConvenienceStoreBarcodeProperties {

    @Provide
    Arbitrary<ConvenienceStoreBarcode> barcodes() {
        Arbitrary<String> company = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> free = Arbitraries.strings().numeric().ofLength(21);
        Arbitrary<Integer> reissue = Arbitraries.integers().between(0, 9);
        Arbitrary<Optional<LocalDate>> deadline = Arbitraries.longs()
                .between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay).optional(0.8);
        Arbitrary<Integer> stamp = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> amount = Arbitraries.integers().between(0, ConvenienceStoreBarcode.MAX_AMOUNT);
        return Combinators.combine(company, free, reissue, deadline, stamp, amount)
                .as(ConvenienceStoreBarcode::new);
    }

    @Property
    void parseInvertsDigits(@ForAll("barcodes") ConvenienceStoreBarcode barcode) {
        String digits = barcode.digits();
        assertThat(digits).hasSize(44).startsWith("91").containsOnlyDigits();
        assertThat(ConvenienceStoreBarcode.parse(digits)).isEqualTo(barcode);
        assertThat(ConvenienceStoreBarcode.checkDigit(digits.substring(0, 43))).isEqualTo(digits.charAt(43) - '0');
    }

    @Property
    void parseNeverCorrects(@ForAll("anyDigits") String digits) {
        try {
            assertThat(ConvenienceStoreBarcode.parse(digits).digits()).isEqualTo(digits);
        } catch (KitFormatException rejected) {
            assertThat(rejected.japaneseMessage()).isNotBlank();
            assertThat(rejected.englishMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> anyDigits() {
        // "91" + 42 random digits: about one in ten has a matching check digit and reaches the field checks
        return Arbitraries.strings().numeric().ofLength(42).map(s -> "91" + s);
    }

    @Property
    void everyTranspositionOfUnequalNeighboursWithOddDifferenceIsDetected(
            @ForAll("barcodes") ConvenienceStoreBarcode barcode) {
        // weights 3 and 1 detect swapping adjacent digits a,b unless |a − b| = 5 (a known limit of modulus 10)
        String digits = barcode.digits();
        for (int i = 2; i < 42; i++) {
            char a = digits.charAt(i);
            char b = digits.charAt(i + 1);
            if (a == b || Math.abs(a - b) == 5) {
                continue;
            }
            String swapped = digits.substring(0, i) + b + a + digits.substring(i + 2, 43);
            assertThat(ConvenienceStoreBarcode.checkDigit(swapped)).isNotEqualTo(digits.charAt(43) - '0');
        }
    }
}
