package jp.madoguchi.payment.internal.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits one CSV line into fields (RFC 4180, Apache Commons CSV for quoted fields). Lines are split one at a time so
 * that a malformed line is reported with its number and the next line is still read.
 */
public final class CsvLines {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private CsvLines() {
    }

    /**
     * The fields of one line.
     *
     * @throws FieldReader.BadField when the quoting is malformed
     */
    public static List<String> split(String line) {
        if (line.indexOf('"') < 0) {
            List<String> fields = new ArrayList<>(16);
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == ',') {
                    fields.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            fields.add(line.substring(start));
            return fields;
        }
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new FieldReader.BadField("引用符（\"）の対応が正しくありません");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new FieldReader.BadField("引用符（\"）の対応が正しくありません");
        }
    }
}
