package jp.madoguchi.nursery.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.kit.TextEncodings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file read line by line (RFC 4180 fields with Apache Commons CSV): the character set — UTF-8 (with or
 * without BOM) or CP932 — detected ({@link TextEncodings#detect}) or chosen, each
 * line decoded strictly (a byte sequence invalid in the character set is reported on its line, never replaced), a
 * header line naming the columns (any order; full-width digits in headings are read as half-width), blank lines
 * skipped. A malformed line is reported with its number and the next line is still read.
 */
final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    /** One data line: its number in the file, its fields and its text as read. */
    record Row(int line, List<String> fields, String text) {
    }

    /**
     * The file read.
     *
     * @param charset the character set used
     * @param columns column heading → index
     * @param rows the data lines that could be split into fields
     * @param problems lines that could not be read, or the file as a whole (no header, missing columns)
     */
    record Parsed(Charset charset, Map<String, Integer> columns, List<Row> rows, List<ImportProblem> problems) {

        /** The field of {@code column} in a row, stripped; "" when the column is absent or the row is short. */
        String get(Row row, String column) {
            Integer i = columns.get(column);
            return i == null || i >= row.fields().size() ? "" : row.fields().get(i).strip();
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    private CsvFile() {
    }

    /**
     * Reads a file; {@code charset} null detects it. {@code required} columns missing from the header make a
     * problem of the whole file.
     */
    static Parsed read(byte[] bytes, Charset charset, List<String> required) {
        return read(bytes, charset, required, 0);
    }

    /**
     * Reads a part of a file whose first line is line {@code linesBefore + 1} of the whole (a section of the rules
     * file, {@link RulesCsv}): line numbers in rows and problems are the whole file's.
     */
    static Parsed read(byte[] bytes, Charset charset, List<String> required, int linesBefore) {
        Charset cs = charset != null ? charset : TextEncodings.detect(bytes);
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        int headerLine = 1;
        boolean header = true;
        for (TextEncodings.Line line : TextEncodings.lines(bytes, cs)) {
            int number = linesBefore + line.number();
            String text = line.text();
            if (text == null) {
                problems.add(new ImportProblem(number, null, TextEncodings.japaneseName(cs) + "として読めない文字があります"
                        + (header ? "（文字コードを確認してください）" : "")));
                if (header) {
                    return new Parsed(cs, columns, rows, problems);
                }
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            List<String> fields;
            try {
                fields = split(text);
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(number, null, e.getMessage()));
                if (header) {
                    return new Parsed(cs, columns, rows, problems);
                }
                continue;
            }
            if (header) {
                for (int i = 0; i < fields.size(); i++) {
                    String heading = CharacterWidth.alphanumericsToHalfWidth(fields.get(i).strip());
                    if (!heading.isEmpty() && columns.putIfAbsent(heading, i) != null) {
                        problems.add(new ImportProblem(number, heading, "見出しが重複しています"));
                    }
                }
                header = false;
                headerLine = number;
                continue;
            }
            rows.add(new Row(number, fields, text));
        }
        if (header) {
            problems.add(new ImportProblem(0, null, "ファイルが空です（見出し行が必要です）"));
            return new Parsed(cs, columns, rows, problems);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.add(new ImportProblem(headerLine, column, "見出し行にこの列がありません（必要な列: "
                        + String.join("、", required) + "）"));
            }
        }
        return new Parsed(cs, columns, rows, problems);
    }

    /** The fields of one line; {@link IllegalArgumentException} with a Japanese message when quoting is broken. */
    static List<String> split(String line) {
        if (line.indexOf('"') < 0) {
            return List.of(line.split(",", -1));
        }
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalArgumentException("引用符（\"）の対応が正しくありません");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("引用符（\"）の対応が正しくありません");
        }
    }

    /** One CSV field, quoted when needed (RFC 4180). */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Lines as a UTF-8 file with a BOM (so that spreadsheet software reads it as UTF-8), CRLF line ends. */
    static byte[] utf8WithBom(List<String> lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Lines in CP932 (Shift_JIS for older office software), CRLF line ends. A character CP932 cannot hold refuses the
     * whole file with each such line and character, never replaced; {@code subject} names what a line is about
     * (「（児童 C001）」) in that message, or gives "".
     */
    static byte[] cp932(List<String> lines, Function<String, String> subject) {
        CharsetEncoder encoder = TextEncodings.CP932.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> problems = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i) + "\r\n";
            try {
                encoder.reset();
                ByteBuffer b = encoder.encode(CharBuffer.wrap(line));
                out.write(b.array(), b.arrayOffset(), b.limit());
            } catch (CharacterCodingException e) {
                int n = i + 1;
                TextEncodings.firstUnencodable(line, TextEncodings.CP932).ifPresent(bad -> problems.add(
                        n + "行目" + subject.apply(lines.get(n - 1)) + ": " + bad + " は Shift_JIS（CP932）で表せません"));
            }
        }
        if (!problems.isEmpty()) {
            throw new NurseryException("Shift_JIS（CP932）で表せない文字があります。UTF-8 で出力してください", problems);
        }
        return out.toByteArray();
    }
}
