package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConvenienceStoreBarcodeTest {

    /** Computed by hand (weights 3,1,… from the right over the first 43 digits): check digit 2. */
    static final String SAMPLE = "91" + "123456" + "000000000000000012345" + "0" + "260331" + "0" + "012345" + "2";

    static final ConvenienceStoreBarcode SAMPLE_FIELDS = new ConvenienceStoreBarcode("123456",
            "000000000000000012345", 0, Optional.of(LocalDate.of(2026, 3, 31)), 0, 12_345);

    @Test
    void buildsTheDigits() {
        assertThat(SAMPLE).hasSize(44);
        assertThat(SAMPLE_FIELDS.digits()).isEqualTo(SAMPLE);
    }

    @Test
    void parsesTheDigits() {
        assertThat(ConvenienceStoreBarcode.parse(SAMPLE)).isEqualTo(SAMPLE_FIELDS);
    }

    @Test
    void checkDigitIsTheGs1Modulus10() {
        // GS1's published EAN-13 example: 491234567890 → 4 (same rule, weight 3 on the rightmost digit)
        assertThat(ConvenienceStoreBarcode.modulus10Weight3("491234567890")).isEqualTo(4);
        assertThat(ConvenienceStoreBarcode.checkDigit(SAMPLE.substring(0, 43))).isEqualTo(2);
        assertThatThrownBy(() -> ConvenienceStoreBarcode.checkDigit("123"))
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining("43 ASCII digits");
    }

    @Test
    void noDeadlineIs999999AndYearsAre20yy() {
        ConvenienceStoreBarcode none = new ConvenienceStoreBarcode("123456", "000000000000000012345", 1,
                Optional.empty(), 1, 999_999);
        assertThat(none.digits()).startsWith("91123456000000000000000012345" + "1" + "999999" + "1" + "999999");
        assertThat(ConvenienceStoreBarcode.parse(none.digits())).isEqualTo(none);
        ConvenienceStoreBarcode y2099 = new ConvenienceStoreBarcode("123456", "000000000000000012345", 0,
                Optional.of(LocalDate.of(2099, 12, 31)), 0, 0);
        assertThat(y2099.digits().substring(30, 36)).isEqualTo("991231");
        assertThat(ConvenienceStoreBarcode.parse(y2099.digits()).paymentDeadline()).contains(LocalDate.of(2099, 12, 31));
        assertThat(ConvenienceStoreBarcode.parse(withCheckDigit(SAMPLE.substring(0, 30) + "000101"
                + SAMPLE.substring(36, 43))).paymentDeadline()).contains(LocalDate.of(2000, 1, 1));
    }

    @Test
    void detectsEverySingleDigitCorruption() {
        int detected = 0;
        for (int i = 0; i < 44; i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c == SAMPLE.charAt(i)) {
                    continue;
                }
                String corrupted = SAMPLE.substring(0, i) + c + SAMPLE.substring(i + 1);
                assertThat(ConvenienceStoreBarcode.checkDigit(corrupted.substring(0, 43)))
                        .as("corruption at digit %d to %c", i + 1, c)
                        .isNotEqualTo(corrupted.charAt(43) - '0');
                assertThatThrownBy(() -> ConvenienceStoreBarcode.parse(corrupted))
                        .isInstanceOf(KitFormatException.class);
                detected++;
            }
        }
        assertThat(detected).isEqualTo(44 * 9);
    }

    static String withCheckDigit(String first43) {
        return first43 + ConvenienceStoreBarcode.checkDigit(first43);
    }

    @Test
    void reportsEachMalformedField() {
        assertParseError(SAMPLE.substring(1), "44桁", "44 digits (got 43)");
        assertParseError(SAMPLE + "0", "44桁", "got 45");
        assertParseError(SAMPLE.substring(0, 10) + "a" + SAMPLE.substring(11), "11桁目", "character 11");
        assertParseError(SAMPLE.substring(0, 10) + "１" + SAMPLE.substring(11), "11桁目", "ASCII digit");
        assertParseError(" " + SAMPLE.substring(1), "1桁目", "character 1");
        assertParseError(withCheckDigit("92" + SAMPLE.substring(2, 43)), "AI", "application identifier");
        assertParseError(SAMPLE.substring(0, 43) + "3", "チェックデジット", "computed 2, read 3");
        assertParseError(withCheckDigit(SAMPLE.substring(0, 30) + "260230" + SAMPLE.substring(36, 43)),
                "支払期限", "'260230' is not a date");
        assertParseError(withCheckDigit(SAMPLE.substring(0, 30) + "000000" + SAMPLE.substring(36, 43)),
                "支払期限", "999999 for none");
        assertParseError(withCheckDigit(SAMPLE.substring(0, 36) + "2" + SAMPLE.substring(37, 43)),
                "印紙フラグ", "stamp flag) must be 0 or 1");
    }

    @Test
    void rejectsInvalidFieldsOnConstruction() {
        Optional<LocalDate> date = Optional.of(LocalDate.of(2026, 3, 31));
        String free = "000000000000000012345";
        assertConstructionError(() -> new ConvenienceStoreBarcode("12345", free, 0, date, 0, 1), "company code");
        assertConstructionError(() -> new ConvenienceStoreBarcode("12345a", free, 0, date, 0, 1), "company code");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free + "1", 0, date, 0, 1), "free field");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 10, date, 0, 1), "reissue flag");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 0, date, 2, 1), "stamp flag");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 0, date, 0, -1), "amount");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 0, date, 0, 1_000_000), "amount");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 0,
                Optional.of(LocalDate.of(1999, 12, 31)), 0, 1), "2000 to 2099");
        assertConstructionError(() -> new ConvenienceStoreBarcode("123456", free, 0,
                Optional.of(LocalDate.of(2100, 1, 1)), 0, 1), "2000 to 2099");
    }

    private static void assertParseError(String digits, String ja, String en) {
        assertThatThrownBy(() -> ConvenienceStoreBarcode.parse(digits))
                .isInstanceOfSatisfying(KitFormatException.class, e -> {
                    assertThat(e.japaneseMessage()).contains(ja);
                    assertThat(e.englishMessage()).contains(en);
                });
    }

    private static void assertConstructionError(Runnable construction, String en) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(KitFormatException.class)
                .hasMessageContaining(en);
    }
}
