package jp.madoguchi.kitbench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import jp.madoguchi.kit.CheckDigits;
import jp.madoguchi.kit.ConvenienceStoreBarcode;
import jp.madoguchi.kit.OfficeCalendar;
import jp.madoguchi.kit.Wareki;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Average time per call of the kit's hot paths: check digits (個人番号, 宛名番号 modulus 11, 地方公共団体コード), era
 * formatting (和暦), convenience-store barcode parsing and office-day arithmetic. Inputs are non-final fields so
 * that the JIT cannot fold them into constants; results are returned so that JMH consumes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KitBenchmarks {

    String myNumber;
    String atenaBody;
    String municipalityCode;
    LocalDate reiwaGannen;
    String barcode;
    OfficeCalendar calendar;
    LocalDate goldenWeekStart;
    int officeDays;

    @Setup
    public void setUp() {
        myNumber = "123456789018"; // a valid test number (check digit 8)
        atenaBody = "123456789";
        municipalityCode = "131016"; // 千代田区
        reiwaGannen = LocalDate.of(2019, 5, 1);
        barcode = "91" + "123456" + "000000000000000012345" + "0" + "260331" + "0" + "012345" + "2";
        calendar = OfficeCalendar.standard(); // loads the holiday data once, outside the measurement
        goldenWeekStart = LocalDate.of(2026, 4, 28);
        officeDays = 20;
    }

    @Benchmark
    public boolean myNumberIsValid() {
        return CheckDigits.isValidMyNumber(myNumber);
    }

    @Benchmark
    public int atenaModulus11CheckDigit() {
        return CheckDigits.modulus11CheckDigit(atenaBody);
    }

    @Benchmark
    public boolean municipalityCodeIsValid() {
        return CheckDigits.isValidMunicipalityCode(municipalityCode);
    }

    @Benchmark
    public String warekiFormat() {
        return Wareki.format(reiwaGannen);
    }

    @Benchmark
    public ConvenienceStoreBarcode convenienceStoreBarcodeParse() {
        return ConvenienceStoreBarcode.parse(barcode);
    }

    @Benchmark
    public LocalDate addTwentyOfficeDaysOverGoldenWeek() {
        return calendar.addOfficeDays(goldenWeekStart, officeDays);
    }
}
