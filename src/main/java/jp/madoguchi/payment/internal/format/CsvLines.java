package jp.madoguchi.payment.internal.format;

import jp.madoguchi.kit.TextEncodings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jp.madoguchi.payment.ParsedPayment;
import jp.madoguchi.payment.PaymentFileFormat;
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

    /** Turns the fields of one data line into a payment; throws {@link FieldReader.BadField} for a bad line. */
    @FunctionalInterface
    public interface RecordParser {
        ParsedPayment parse(int line, List<String> fields);
    }

    /**
     * Reads the lines of a CSV payment file, in order: each is decoded strictly in {@code charset}, split into fields
     * and passed to {@code parser}; a line that cannot be decoded, is blank, or is rejected by the parser or the
     * splitter is reported to {@code sink} with its number and the next line is read. A first line for which
     * {@code isHeader} holds is skipped.
     */
    public static void readPayments(byte[] file, List<TextEncodings.Span> lines, Charset charset,
            Predicate<String> isHeader, PaymentFileFormat.Sink sink, RecordParser parser) {
        CharsetDecoder decoder = TextEncodings.strictDecoder(charset);
        for (TextEncodings.Span line : lines) {
            String text = TextEncodings.decode(decoder, file, line);
            if (text == null) {
                sink.lineProblem(line.number(), TextEncodings.japaneseName(charset) + "として読めない文字があります");
                continue;
            }
            if (line.number() == 1 && isHeader.test(text)) {
                continue;
            }
            if (text.isBlank()) {
                sink.lineProblem(line.number(), "空行です");
                continue;
            }
            try {
                sink.payment(parser.parse(line.number(), split(text)));
            } catch (FieldReader.BadField e) {
                sink.lineProblem(line.number(), e.getMessage());
            }
        }
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
