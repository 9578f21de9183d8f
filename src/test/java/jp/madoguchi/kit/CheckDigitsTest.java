package jp.madoguchi.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitsTest {

    @Test
    void luhnCheckDigitsOfKnownNumbers() {
        // ISO/IEC 7812-1's worked example, and a card test number (4111 1111 1111 1111).
        assertThat(CheckDigits.luhnCheckDigit("7992739871")).isEqualTo(3);
        assertThat(CheckDigits.luhnCheckDigit("411111111111111")).isEqualTo(1);
        assertThat(CheckDigits.luhnCheckDigit("0")).isZero();
        assertThatThrownBy(() -> CheckDigits.luhnCheckDigit("12a")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void myNumberWorkedExamples() {
        // 1*6 + 2*5 + 3*4 + 4*3 + 5*2 + 6*7 + 7*6 + 8*5 + 9*4 + 0*3 + 1*2 = 212; 212 mod 11 = 3; 11 - 3 = 8
        assertThat(CheckDigits.myNumberCheckDigit("12345678901")).isEqualTo(8);
        assertThat(CheckDigits.isValidMyNumber("123456789018")).isTrue();
        assertThat(CheckDigits.isValidMyNumber("123456789017")).isFalse();
        // remainder 0 -> 0
        assertThat(CheckDigits.myNumberCheckDigit("00000000000")).isZero();
        // remainder 1 (6 * 2 = 12) -> 0 as well
        assertThat(CheckDigits.myNumberCheckDigit("00000000006")).isZero();
        // hence these two differ in one digit and are both valid: documented weakness of the official formula
        assertThat(CheckDigits.isValidMyNumber("000000000000")).isTrue();
        assertThat(CheckDigits.isValidMyNumber("000000000060")).isTrue();
        // remainder 2 -> 9
        assertThat(CheckDigits.myNumberCheckDigit("00000000001")).isEqualTo(9);
        // position 7 from the right has weight 2 (n - 5)
        assertThat(CheckDigits.myNumberCheckDigit("00001000000")).isEqualTo(9);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345678901", "1234567890189", "12345678901a", "１２３４５６７８９０１８", "1234 5678 9018"})
    void myNumberValidationIsFalseForMalformedInput(String s) {
        assertThat(CheckDigits.isValidMyNumber(s)).isFalse();
    }

    @Test
    void myNumberComputeRejectsWithoutEchoingTheInput() {
        assertThatThrownBy(() -> CheckDigits.myNumberCheckDigit("1234567890")).isInstanceOf(KitFormatException.class)
                .message().doesNotContain("1234567890");
    }

    @Test
    void corporateNumber() {
        // 国税庁: 7000012050002. Σ = 2*1 + 5*1 + 2*1 + 1*2 = 11; 11 mod 9 = 2; 9 - 2 = 7
        assertThat(CheckDigits.corporateNumberCheckDigit("000012050002")).isEqualTo(7);
        assertThat(CheckDigits.isValidCorporateNumber("7000012050002")).isTrue();
        assertThat(CheckDigits.isValidCorporateNumber("6000012050002")).isFalse();
        assertThat(CheckDigits.isValidCorporateNumber("7000012050003")).isFalse();
        assertThat(CheckDigits.corporateNumberCheckDigit("000000000001")).isEqualTo(8);
        assertThat(CheckDigits.corporateNumberCheckDigit("000000000010")).isEqualTo(7);
        assertThat(CheckDigits.corporateNumberCheckDigit("000000000000")).isEqualTo(9);
        assertThat(CheckDigits.isValidCorporateNumber("700001205000")).isFalse();
        assertThat(CheckDigits.isValidCorporateNumber(null)).isFalse();
        assertThatThrownBy(() -> CheckDigits.corporateNumberCheckDigit("00001205000"))
                .isInstanceOf(KitFormatException.class);
    }

    @Test
    void municipalityCodeExamples() {
        assertThat(CheckDigits.municipalityCodeCheckDigit("01100")).isEqualTo(2);
        assertThat(CheckDigits.municipalityCodeCheckDigit("13101")).isEqualTo(6);
        assertThat(CheckDigits.isValidMunicipalityCode("011002")).isTrue();
        assertThat(CheckDigits.isValidMunicipalityCode("131016")).isTrue();
        assertThat(CheckDigits.isValidMunicipalityCode("131017")).isFalse();
        assertThat(CheckDigits.isValidMunicipalityCode("13101")).isFalse();
        assertThat(CheckDigits.isValidMunicipalityCode("１３１０１６")).isFalse();
        // remainder 0 -> 1 (11 - 0 = 11, last digit): 1*6 + 1*5 = 11
        assertThat(CheckDigits.municipalityCodeCheckDigit("11000")).isEqualTo(1);
        // remainder 1 -> 0 (11 - 1 = 10, last digit): 2*6 = 12, 12 mod 11 = 1
        assertThat(CheckDigits.municipalityCodeCheckDigit("20000")).isEqualTo(0);
        assertThatThrownBy(() -> CheckDigits.municipalityCodeCheckDigit("1310")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void everyMunicipalityCodeOfTheNationalListIsValid() throws Exception {
        List<String> codes = new ArrayList<>();
        int[] remainders = new int[11];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("localgovjp-utf8.csv")), StandardCharsets.UTF_8))) {
            String[] header = r.readLine().replace("\uFEFF", "").split(",");
            int column = List.of(header).indexOf("lgcode");
            assertThat(column).isNotNegative();
            String line;
            while ((line = r.readLine()) != null) {
                String[] fields = line.split(",", -1);
                codes.add(fields[fields.length - header.length + column]);
            }
        }
        assertThat(codes).hasSize(1916).allSatisfy(c -> {
            assertThat(c).matches("\\d{6}");
            assertThat(CheckDigits.isValidMunicipalityCode(c)).as(c).isTrue();
            assertThat(MunicipalityCode.parse(c).value()).isEqualTo(c);
        });
        for (String c : codes) {
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += (c.charAt(i) - '0') * (6 - i);
            }
            remainders[sum % 11]++;
        }
        // the list exercises every remainder, including 0 and 1
        assertThat(remainders).doesNotContain(0);
    }

    @Test
    void modulus11() {
        // 9*2 + 8*3 + 7*4 + 6*5 + 5*6 + 4*7 + 3*2 + 2*3 + 1*4 = 174; 174 mod 11 = 9; 11 - 9 = 2
        assertThat(CheckDigits.modulus11CheckDigit("123456789")).isEqualTo(2);
        assertThat(CheckDigits.appendModulus11("123456789")).isEqualTo("1234567892");
        assertThat(CheckDigits.isValidModulus11("1234567892")).isTrue();
        assertThat(CheckDigits.isValidModulus11("1234567890")).isFalse();
        // remainder 0 -> 0
        assertThat(CheckDigits.modulus11CheckDigit("0")).isZero();
        assertThat(CheckDigits.modulus11CheckDigit("11")).isEqualTo(6);
        // 1*2 + 1*3 + 1*4 + 1*5 + 1*6 + 1*7 + 1*2 = 29; 29 mod 11 = 7 -> 4 (weights cycle after 7)
        assertThat(CheckDigits.modulus11CheckDigit("1111111")).isEqualTo(4);
        assertThat(CheckDigits.modulus11CheckDigit("123456789012345")).isBetween(0, 9);
        assertThat(CheckDigits.isValidModulus11("1")).isFalse();
        assertThat(CheckDigits.isValidModulus11("12345678901234567")).isFalse();
        assertThatThrownBy(() -> CheckDigits.modulus11CheckDigit("")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> CheckDigits.modulus11CheckDigit("1234567890123456")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> CheckDigits.modulus11CheckDigit("12a")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void remainderOneIsNeverIssued() {
        // 6 * 2 = 12, remainder 1: 11 - 1 = 10 is not a digit
        assertThat(CheckDigits.canCarryModulus11("6")).isFalse();
        assertThatThrownBy(() -> CheckDigits.modulus11CheckDigit("6")).isInstanceOf(KitFormatException.class)
                .hasMessageContaining("飛ばして").hasMessageContaining("skip");
        assertThatThrownBy(() -> CheckDigits.appendModulus11("6")).isInstanceOf(KitFormatException.class);
        for (int cd = 0; cd <= 9; cd++) {
            assertThat(CheckDigits.isValidModulus11("6" + cd)).isFalse();
        }
        assertThat(CheckDigits.nextIssuable("5")).isEqualTo("7");
        assertThat(CheckDigits.nextIssuable("05")).isEqualTo("07");
        assertThat(CheckDigits.nextIssuable("7")).isEqualTo("8");
        assertThatThrownBy(() -> CheckDigits.nextIssuable("9")).isInstanceOf(KitFormatException.class);
        assertThatThrownBy(() -> AtenaNumber.of("6")).isInstanceOf(KitFormatException.class);
    }

    @Test
    void seedNumbersOfDomainDocAreNotModulus11Valid() {
        // domain.md seed 001 uses 宛名番号 1234567890 and 世帯番号 9876543 as illustrations; neither carries a
        // correct modulus-11 check digit (1234567892 and 9876545 would).
        assertThat(CheckDigits.isValidModulus11("1234567890")).isFalse();
        assertThat(CheckDigits.isValidModulus11("9876543")).isFalse();
        assertThat(CheckDigits.appendModulus11("987654")).isEqualTo("9876545");
    }
}
