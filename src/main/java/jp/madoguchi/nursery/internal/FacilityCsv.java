package jp.madoguchi.nursery.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.nursery.AgeClass;

/**
 * The facilities-and-seats CSV: one row per facility, {@code 施設番号,施設名,0歳児,1歳児,2歳児,3歳児,4歳児,5歳児}. A class
 * column holds the 受入可能数 of this round (seats open to applicants, enrolled children not counted): blank = the
 * facility has no such class, 0 = the class exists but takes no one. Columns in any order; further columns ignored.
 */
final class FacilityCsv {

    static final String ID = "施設番号";
    static final String NAME = "施設名";
    static final List<String> COLUMNS = List.of(ID, NAME, "0歳児", "1歳児", "2歳児", "3歳児", "4歳児", "5歳児");

    /** A good row. */
    record FacilityRow(int line, String text, String id, String name, Map<AgeClass, Integer> seats) {
    }

    /** The rows that can be imported, the problems and every data row's text by line (for the quarantine). */
    record Result(Charset charset, int rows, List<FacilityRow> good, List<ImportProblem> problems,
            Map<Integer, String> texts) {
    }

    private FacilityCsv() {
    }

    static Result parse(byte[] bytes, Charset charset) {
        CsvFile.Parsed file = CsvFile.read(bytes, charset, COLUMNS);
        List<ImportProblem> problems = new ArrayList<>(file.problems());
        Map<Integer, String> texts = new HashMap<>();
        if (problems.stream().anyMatch(p -> p.row() <= 1)) {
            return new Result(file.charset(), file.rows().size(), List.of(), problems, texts);
        }
        List<FacilityRow> good = new ArrayList<>();
        Map<String, FacilityRow> byId = new HashMap<>();
        for (CsvFile.Row row : file.rows()) {
            texts.put(row.line(), row.text());
            List<ImportProblem> rowProblems = new ArrayList<>();
            String id = null;
            try {
                id = CsvValues.id(file.get(row, ID), ID);
            } catch (CsvValues.BadValue e) {
                rowProblems.add(new ImportProblem(row.line(), ID, e.getMessage()));
            }
            String name = file.get(row, NAME);
            if (name.isEmpty()) {
                rowProblems.add(new ImportProblem(row.line(), NAME, "施設名が空です"));
            } else if (name.length() > 60) {
                rowProblems.add(new ImportProblem(row.line(), NAME, "施設名は60文字までです"));
            }
            Map<AgeClass, Integer> seats = new EnumMap<>(AgeClass.class);
            for (AgeClass age : AgeClass.values()) {
                String column = age.label();
                try {
                    Long n = CsvValues.number(file.get(row, column), "受入可能数");
                    if (n == null) {
                        continue;
                    }
                    if (n < 0) {
                        rowProblems.add(new ImportProblem(row.line(), column, "受入可能数が負の数です（" + n + "）"));
                    } else if (n > 999) {
                        rowProblems.add(new ImportProblem(row.line(), column, "受入可能数が大きすぎます（" + n + "）"));
                    } else {
                        seats.put(age, n.intValue());
                    }
                } catch (CsvValues.BadValue e) {
                    rowProblems.add(new ImportProblem(row.line(), column, e.getMessage()));
                }
            }
            if (rowProblems.isEmpty() && seats.isEmpty()) {
                rowProblems.add(new ImportProblem(row.line(), "0歳児", "どの年齢クラスにも受入可能数がありません"
                        + "（クラスがなければ空欄、受け入れない場合は0）"));
            }
            if (rowProblems.isEmpty()) {
                FacilityRow candidate = new FacilityRow(row.line(), row.text(), id, name, seats);
                FacilityRow earlier = byId.putIfAbsent(id, candidate);
                if (earlier != null) {
                    boolean same = earlier.name().equals(name) && earlier.seats().equals(seats);
                    rowProblems.add(new ImportProblem(row.line(), ID, same
                            ? "重複行です（" + earlier.line() + "行目と同じ内容）"
                            : "施設番号 " + id + " は" + earlier.line() + "行目にもあります（内容が違います）"));
                    if (!same && good.remove(earlier)) {
                        problems.add(new ImportProblem(earlier.line(), ID, "施設番号 " + id + " は" + row.line()
                                + "行目にもあります（内容が違います）"));
                    }
                } else {
                    good.add(candidate);
                }
            }
            problems.addAll(rowProblems);
        }
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return new Result(file.charset(), file.rows().size(), good, problems, texts);
    }
}
