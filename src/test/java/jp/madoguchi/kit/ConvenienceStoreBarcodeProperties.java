package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ConvenienceStoreBarcodeProperties {

    /** Fixed so that runs are reproducible; QuickTheories reports it with any falsifying (shrunk) value. */
    private static final long SEED = 20_250_401L;

    private static Gen<String> digits(int length) {
        return strings().betweenCodePoints('0', '9').ofLength(length);
    }

    static Gen<ConvenienceStoreBarcode> barcodes() {
        Gen<String> company = digits(6);
        Gen<String> free = digits(21);
        Gen<Integer> reissue = integers().between(0, 9);
        // present in about 4 draws out of 5 (20 of 101 are empty)
        Gen<Optional<LocalDate>> deadline = localDates()
                .withDaysBetween(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .toOptionals(20);
        Gen<Integer> stamp = integers().between(0, 1);
        Gen<Integer> amount = integers().between(0, ConvenienceStoreBarcode.MAX_AMOUNT);
        return in -> new ConvenienceStoreBarcode(company.generate(in), free.generate(in), reissue.generate(in),
                deadline.generate(in), stamp.generate(in), amount.generate(in));
    }

    @Test
    void parseInvertsDigits() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(barcodes()).checkAssert(barcode -> {
            String digits = barcode.digits();
            assertThat(digits).hasSize(44).startsWith("91").containsOnlyDigits();
            assertThat(ConvenienceStoreBarcode.parse(digits)).isEqualTo(barcode);
            assertThat(ConvenienceStoreBarcode.checkDigit(digits.substring(0, 43))).isEqualTo(digits.charAt(43) - '0');
        });
    }

    @Test
    void parseNeverCorrects() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(anyDigits()).checkAssert(digits -> {
            try {
                assertThat(ConvenienceStoreBarcode.parse(digits).digits()).isEqualTo(digits);
            } catch (KitFormatException rejected) {
                assertThat(rejected.japaneseMessage()).isNotBlank();
                assertThat(rejected.englishMessage()).isNotBlank();
            }
        });
    }

    static Gen<String> anyDigits() {
        // "91" + 42 random digits: about one in ten has a matching check digit and reaches the field checks
        return digits(42).map(s -> "91" + s);
    }

    @Test
    void everyTranspositionOfUnequalNeighboursWithOddDifferenceIsDetected() {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(barcodes()).checkAssert(barcode -> {
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
        });
    }
}
