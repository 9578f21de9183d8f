package jp.madoguchi.payment.internal;

import jp.madoguchi.kit.TextEncodings;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.payment.LineProblem;
import jp.madoguchi.payment.NewAssessment;
import jp.madoguchi.payment.internal.format.CsvLines;
import jp.madoguchi.payment.internal.format.FieldReader;

/**
 * Reads the assessment CSV: a header naming the columns 科目コード, 年度, 調定番号, 宛名番号, 期別, 納期限, 金額 (any
 * order, further columns ignored), one row per installment. Each bad row is reported with its line number and the
 * reason; rows of one 調定 (same 科目コード, 年度, 調定番号) are gathered into one assessment.
 */
final class AssessmentCsv {

    private static final List<DateTimeFormatter> DATES = List.of("uuuu-MM-dd", "uuuu/MM/dd", "uuuuMMdd").stream()
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    record Key(String fund, int year, String number) {
    }

    record Group(Key key, int firstLine, NewAssessment assessment) {
    }

    record Parsed(String charsetName, int rows, List<Group> groups, List<LineProblem> problems) {
    }

    private AssessmentCsv() {
    }

    static Parsed parse(byte[] file, Charset forced) {
        Charset charset = forced != null ? forced : TextEncodings.detect(file);
        List<LineProblem> problems = new ArrayList<>();
        List<TextEncodings.Line> lines = TextEncodings.lines(file, charset);
        if (lines.isEmpty()) {
            return new Parsed(TextEncodings.japaneseName(charset), 0, List.of(), List.of(new LineProblem(0, "ファイルが空です")));
        }
        String headerText = lines.get(0).text();
        if (headerText == null) {
            return new Parsed(TextEncodings.japaneseName(charset), 0, List.of(), List.of(new LineProblem(1,
                    TextEncodings.japaneseName(charset) + "として読めない文字があります（文字コードを確認してください）")));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header;
        try {
            header = CsvLines.split(headerText);
        } catch (FieldReader.BadField e) {
            return new Parsed(TextEncodings.japaneseName(charset), 0, List.of(), List.of(new LineProblem(1, e.getMessage())));
        }
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        for (String required : JdbcAssessments.CSV_COLUMNS) {
            if (!columns.containsKey(required)) {
                problems.add(new LineProblem(1, "見出し行に列「" + required + "」がありません（必要な列: "
                        + String.join(",", JdbcAssessments.CSV_COLUMNS) + "）"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(TextEncodings.japaneseName(charset), 0, List.of(), problems);
        }
        Map<Key, List<Row>> rowsByKey = new LinkedHashMap<>();
        int rows = 0;
        for (TextEncodings.Line line : lines.subList(1, lines.size())) {
            String text = line.text();
            if (text == null) {
                problems.add(new LineProblem(line.number(), TextEncodings.japaneseName(charset) + "として読めない文字があります"));
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            rows++;
            try {
                List<String> f = CsvLines.split(text);
                if (f.size() < header.size()) {
                    throw new FieldReader.BadField("列数が" + f.size() + "です（見出し行は" + header.size() + "列）");
                }
                String fund = f.get(columns.get("科目コード")).strip();
                if (fund.isEmpty()) {
                    throw new FieldReader.BadField("科目コードが空です");
                }
                int year = Integer.parseInt(FieldReader.digits("年度", f.get(columns.get("年度")).strip(), 4));
                String number = f.get(columns.get("調定番号")).strip();
                if (number.isEmpty()) {
                    throw new FieldReader.BadField("調定番号が空です");
                }
                String atena = f.get(columns.get("宛名番号")).strip();
                String term = FieldReader.digits("期別", f.get(columns.get("期別")).strip(), 0);
                if (term.length() > 2) {
                    throw new FieldReader.BadField("期別「" + term + "」は1～99が必要です");
                }
                int installment = Integer.parseInt(term);
                LocalDate due = date(f.get(columns.get("納期限")).strip());
                long amount = FieldReader.amount("金額", f.get(columns.get("金額")).replace(",", ""));
                rowsByKey.computeIfAbsent(new Key(fund, year, number), k -> new ArrayList<>())
                        .add(new Row(line.number(), atena, new NewAssessment.NewInstallment(installment, due, amount)));
            } catch (FieldReader.BadField e) {
                problems.add(new LineProblem(line.number(), e.getMessage()));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (var e : rowsByKey.entrySet()) {
            List<Row> group = e.getValue();
            String atena = group.get(0).atena();
            boolean consistent = true;
            for (Row r : group) {
                if (!r.atena().equals(atena)) {
                    problems.add(new LineProblem(r.line(), "同じ調定番号「" + e.getKey().number()
                            + "」の行で宛名番号が異なります"));
                    consistent = false;
                }
            }
            if (consistent) {
                groups.add(new Group(e.getKey(), group.get(0).line(), new NewAssessment(e.getKey().fund(),
                        e.getKey().year(), e.getKey().number(), atena,
                        group.stream().map(Row::installment).toList())));
            }
        }
        return new Parsed(TextEncodings.japaneseName(charset), rows, groups, problems);
    }

    private record Row(int line, String atena, NewAssessment.NewInstallment installment) {
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        throw new FieldReader.BadField("納期限「" + text + "」は日付（YYYY-MM-DD、YYYY/MM/DD、YYYYMMDD）ではありません");
    }
}
