package jp.madoguchi.kit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal RFC 4180 reader for the kit's own CSV resources (package-private): comma-separated, a header line,
 * fields optionally in double quotes with {@code ""} for a quote, no line breaks inside fields. Any deviation is a
 * {@link KitFormatException} naming the file, line and reason.
 */
final class Csv {

    /** One data row, with its 1-based line number in the file. */
    record Row(String source, int line, Map<String, Integer> header, List<String> fields) {

        String get(String column) {
            return fields.get(header.get(column));
        }

        KitFormatException error(String ja, String en) {
            return new KitFormatException(source + " " + line + "行目: " + ja, source + " line " + line + ": " + en);
        }
    }

    private Csv() {
    }

    static List<Row> read(String source, String text, List<String> requiredColumns) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count == 0) {
            throw new KitFormatException(source + ": 空のファイルです", source + ": the file is empty");
        }
        List<String> headerFields = split(source, 1, lines[0]);
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < headerFields.size(); i++) {
            header.put(headerFields.get(i), i);
        }
        for (String column : requiredColumns) {
            if (!header.containsKey(column)) {
                throw new KitFormatException(source + " 1行目: 列「" + column + "」がありません",
                        source + " line 1: column '" + column + "' is missing");
            }
        }
        List<Row> rows = new ArrayList<>(count - 1);
        for (int i = 1; i < count; i++) {
            List<String> fields = split(source, i + 1, lines[i]);
            if (fields.size() != headerFields.size()) {
                throw new KitFormatException(
                        source + " " + (i + 1) + "行目: 列数が " + fields.size() + " です（" + headerFields.size()
                                + " 列を期待）",
                        source + " line " + (i + 1) + ": " + fields.size() + " fields, expected "
                                + headerFields.size());
            }
            rows.add(new Row(source, i + 1, header, List.copyOf(fields)));
        }
        return rows;
    }

    static List<String> split(String source, int lineNo, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new KitFormatException(source + " " + lineNo + "行目: 引用符が閉じていません",
                                source + " line " + lineNo + ": unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new KitFormatException(source + " " + lineNo + "行目: 引用符の後に「,」がありません",
                            source + " line " + lineNo + ": expected ',' after a quoted field");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new KitFormatException(source + " " + lineNo + "行目: 引用符で囲まれていない列に「\"」があります",
                                source + " line " + lineNo + ": '\"' inside an unquoted field");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
