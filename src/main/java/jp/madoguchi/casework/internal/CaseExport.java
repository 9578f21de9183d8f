package jp.madoguchi.casework.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.application.ApplicationService.DecidedCase;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.kit.Wareki;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 基幹システム向けの出力 — decided applications of one procedure as CSV (UTF-8 with or without BOM, or CP932 for older
 * systems) or JSON. One row per case: 受付番号, dates, the applicant's four facts and every field of the form (a
 * group's items numbered: 児童1_氏名 …). Dates in 西暦 (ISO) or, when asked, 和暦. A character CP932 cannot hold is
 * refused with the row and column, never replaced by '?'.
 */
final class CaseExport {

    enum Encoding { UTF8, UTF8_BOM, CP932 }

    /** A value CP932 cannot hold. */
    static final class EncodingException extends RuntimeException {
        EncodingException(String message) {
            super(message);
        }
    }

    private CaseExport() {
    }

    static List<String> header(Form form, int maxItems) {
        List<String> h = new ArrayList<>(List.of("受付番号", "受付日時", "決定日", "状態", "申請者氏名", "申請者フリガナ",
                "申請者生年月日", "申請者住所"));
        for (FormField f : form.fields()) {
            if (f.isGroup()) {
                for (int i = 1; i <= maxItems; i++) {
                    for (FormField inner : f.fields()) {
                        h.add((f.itemLabel() == null ? f.id() : f.itemLabel()) + i + "_" + inner.label());
                    }
                }
            } else {
                h.add(f.label());
            }
        }
        return h;
    }

    static int maxItems(Form form, List<DecidedCase> cases) {
        int max = 0;
        for (DecidedCase c : cases) {
            for (FormField f : form.fields()) {
                if (f.isGroup() && c.data().get(f.id()) instanceof List<?> l) {
                    max = Math.max(max, l.size());
                }
            }
        }
        return max;
    }

    static List<String> row(Form form, DecidedCase c, int maxItems, boolean wareki) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        List<String> r = new ArrayList<>();
        r.add(c.summary().receiptNumber());
        r.add(c.summary().submittedAt().atZone(tokyo).toLocalDateTime().withNano(0).toString());
        r.add(date(c.decidedAt().atZone(tokyo).toLocalDate(), wareki));
        r.add(c.summary().status().label());
        r.add(str(c.applicant().get("name")));
        r.add(str(c.applicant().get("nameKana")));
        Object birth = c.applicant().get("birthDate");
        r.add(birth == null ? "" : date(LocalDate.parse(birth.toString()), wareki));
        r.add(str(c.applicant().get("address")));
        for (FormField f : form.fields()) {
            Object v = c.data().get(f.id());
            if (f.isGroup()) {
                List<?> items = v instanceof List<?> l ? l : List.of();
                for (int i = 0; i < maxItems; i++) {
                    Map<?, ?> item = i < items.size() && items.get(i) instanceof Map<?, ?> m ? m : Map.of();
                    for (FormField inner : f.fields()) {
                        r.add(value(inner, item.get(inner.id()), wareki));
                    }
                }
            } else {
                r.add(value(f, v, wareki));
            }
        }
        return r;
    }

    private static String value(FormField f, Object v, boolean wareki) {
        if (v == null) {
            return "";
        }
        if (f.type() == FieldType.DATE) {
            return date(LocalDate.parse(v.toString()), wareki);
        }
        if (f.type() == FieldType.BOOLEAN) {
            return Boolean.TRUE.equals(v) ? "1" : "0";
        }
        if (v instanceof List<?> l) {
            return String.join(";", l.stream().map(String::valueOf).toList());
        }
        return v.toString();
    }

    private static String date(LocalDate d, boolean wareki) {
        if (!wareki) {
            return d.toString();
        }
        try {
            return Wareki.format(d);
        } catch (RuntimeException e) {
            return d.toString();
        }
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static byte[] csv(Form form, List<DecidedCase> cases, Encoding encoding, boolean wareki) {
        int max = maxItems(form, cases);
        List<String> header = header(form, max);
        Charset charset = encoding == Encoding.CP932 ? jp.madoguchi.kit.TextEncodings.CP932 : StandardCharsets.UTF_8;
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (encoding == Encoding.UTF8_BOM) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, encoder),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(header);
            int line = 1;
            for (DecidedCase c : cases) {
                line++;
                List<String> row = row(form, c, max, wareki);
                if (encoding == Encoding.CP932) {
                    for (int i = 0; i < row.size(); i++) {
                        String cell = row.get(i);
                        java.util.Optional<String> unencodable = jp.madoguchi.kit.TextEncodings.firstUnencodable(cell, charset);
                        if (unencodable.isPresent()) {
                            String bad = unencodable.get();
                            throw new EncodingException(line + "行目（受付番号 " + c.summary().receiptNumber() + "）の「"
                                    + header.get(i) + "」にShift_JIS（CP932）で表せない文字 " + bad
                                    + " があります。UTF-8で出力してください");
                        }
                    }
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] json(JsonMapper json, Form form, List<DecidedCase> cases, boolean wareki) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DecidedCase c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receiptNumber", c.summary().receiptNumber());
            m.put("procedure", c.summary().procedureCode());
            m.put("status", c.summary().status().name());
            m.put("submittedAt", c.summary().submittedAt().toString());
            m.put("decidedAt", c.decidedAt().toString());
            m.put("applicant", c.applicant());
            m.put("values", c.data());
            if (wareki) {
                Map<String, Object> dates = new LinkedHashMap<>();
                for (FormField f : form.fields()) {
                    if (f.type() == FieldType.DATE && c.data().get(f.id()) != null) {
                        dates.put(f.id(), date(LocalDate.parse(c.data().get(f.id()).toString()), true));
                    }
                }
                m.put("warekiDates", dates);
            }
            out.add(m);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("form", form.title(), "cases", out))
                .getBytes(StandardCharsets.UTF_8);
    }
}
