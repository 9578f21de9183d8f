package jp.madoguchi.catalog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.madoguchi.catalog.rules.Env;
import jp.madoguchi.kit.CharacterWidth;
import jp.madoguchi.kit.Era;
import jp.madoguchi.kit.Kana;
import jp.madoguchi.kit.KitFormatException;
import jp.madoguchi.kit.Wareki;

/**
 * Reads what a resident typed into a form (raw strings, as kept in the draft) into typed values, and checks them:
 * conditional fields ({@code when}), required fields, formats per field type, lengths, patterns, ranges, group sizes
 * and the form's own {@code checks}. The server's reading is authoritative; the browser only helps.
 *
 * <p>Raw values: a string per field; a list of strings for {@code multi}; a list of maps for {@code group}; a date
 * is {@code "era|year|month|day"} with era {@code western}, {@code reiwa}, {@code heisei}, {@code showa} or
 * {@code taisho}. Typed values (what the rule language sees and what is submitted): String, Boolean, Long,
 * LocalDate, {@code List<String>}, {@code List<Map<String,Object>>}.
 */
public final class FormInput {

    /** A problem with one field: where (path like {@code children[2].birthDate}), what it is called, and why. */
    public record FieldError(String path, String label, String message) {
    }

    /** The typed values of the visible fields, and the problems. */
    public record Reading(Map<String, Object> values, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        public java.util.Optional<FieldError> error(String path) {
            return errors.stream().filter(e -> e.path().equals(path)).findFirst();
        }
    }

    /** The eras a date may be typed in, with their labels. */
    public static final Map<String, String> DATE_ERAS;

    static {
        Map<String, String> eras = new LinkedHashMap<>();
        eras.put("reiwa", "令和");
        eras.put("heisei", "平成");
        eras.put("showa", "昭和");
        eras.put("taisho", "大正");
        eras.put("western", "西暦");
        DATE_ERAS = java.util.Collections.unmodifiableMap(eras);
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("0[0-9]{1,4}-?[0-9]{1,4}-?[0-9]{3,4}");

    private final LocalDate today;
    private final Predicate<String> attachmentExists;
    private final List<FieldError> errors = new ArrayList<>();

    private FormInput(LocalDate today, Predicate<String> attachmentExists) {
        this.today = today;
        this.attachmentExists = attachmentExists;
    }

    /**
     * Reads every field of {@code form}.
     *
     * @param raw the raw values by field id
     * @param attachmentExists whether an attachment id names an attachment of this draft
     * @param checked which top-level fields to report problems for (e.g. one step's); {@code null} = all
     */
    public static Reading read(Form form, Map<String, ?> raw, LocalDate today, Predicate<String> attachmentExists,
            Set<String> checked) {
        FormInput input = new FormInput(today, attachmentExists);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            int before = input.errors.size();
            if (field.when() != null && !field.when().test(input.env(values))) {
                continue;
            }
            Object value = input.top(field, raw.get(field.id()), values);
            if (value != null) {
                values.put(field.id(), value);
            }
            if (checked != null && !checked.contains(field.id())) {
                input.errors.subList(before, input.errors.size()).clear();
            }
        }
        return new Reading(values, List.copyOf(input.errors));
    }

    /** Whether {@code field} is asked given the typed values so far. */
    public static boolean visible(FormField field, Map<String, Object> values, LocalDate today) {
        return field.when() == null || field.when().test(new FormInput(today, id -> true).env(values));
    }

    /** Whether a field of a group's item is asked, given the item's values so far and the outer values. */
    public static boolean visibleInItem(FormField field, Map<String, Object> item, Map<String, Object> values,
            LocalDate today) {
        return field.when() == null || field.when().test(new FormInput(today, id -> true).env(values).withItem(item));
    }

    private Object top(FormField field, Object raw, Map<String, Object> values) {
        if (field.type() == FieldType.GROUP) {
            return group(field, raw, values);
        }
        Object value = single(field, raw, field.id(), field.label());
        if (value != null || field.type() == FieldType.BOOLEAN) {
            check(field, field.id(), field.label(), env(values), value);
        }
        return value;
    }

    private List<Map<String, Object>> group(FormField field, Object raw, Map<String, Object> values) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<?> rawItems = raw instanceof List<?> l ? l : List.of();
        int index = 0;
        for (Object rawItem : rawItems) {
            index++;
            Map<?, ?> itemRaw = rawItem instanceof Map<?, ?> m ? m : Map.of();
            Map<String, Object> item = new LinkedHashMap<>();
            String itemName = (field.itemLabel() == null ? field.label() : field.itemLabel()) + "（" + index + "件目）";
            for (FormField inner : field.fields()) {
                Env itemEnv = env(values).withItem(item);
                if (inner.when() != null && !inner.when().test(itemEnv)) {
                    continue;
                }
                String path = field.id() + "[" + index + "]." + inner.id();
                String label = itemName + "の" + inner.label();
                Object value = single(inner, itemRaw.get(inner.id()), path, label);
                if (value != null) {
                    item.put(inner.id(), value);
                }
                if (value != null || inner.type() == FieldType.BOOLEAN) {
                    check(inner, path, label, env(values).withItem(item), value);
                }
            }
            items.add(item);
        }
        int min = field.min() != null ? field.min() : field.required() ? 1 : 0;
        if (items.size() < min) {
            errors.add(new FieldError(field.id(), field.label(), min == 1 ? (field.itemLabel() == null ? "1件" : field.itemLabel() + "を1人")
                    + "以上入力してください" : min + "件以上入力してください"));
        }
        if (field.max() != null && items.size() > field.max()) {
            errors.add(new FieldError(field.id(), field.label(), field.max() + "件までにしてください"));
        }
        Map<String, Object> withGroup = new LinkedHashMap<>(values);
        withGroup.put(field.id(), items);
        check(field, field.id(), field.label(), env(withGroup), items);
        return items;
    }

    private void check(FormField field, String path, String label, Env env, Object value) {
        if (errors.stream().anyMatch(e -> e.path().equals(path))) {
            return;
        }
        Map<String, Object> own = new LinkedHashMap<>();
        if (value != null) {
            own.put(field.id(), value);
        }
        Env withOwn = env.withItem(own);
        for (Question.Check c : field.checks()) {
            if (c.when().test(withOwn)) {
                errors.add(new FieldError(path, label, c.message()));
                return;
            }
        }
    }

    private Object single(FormField field, Object raw, String path, String label) {
        if (field.type() == FieldType.MULTI) {
            List<String> chosen = new ArrayList<>();
            if (raw instanceof List<?> l) {
                for (Object o : l) {
                    String v = String.valueOf(o);
                    if (field.option(v).isEmpty()) {
                        errors.add(new FieldError(path, label, "選択肢にない値です（" + v + "）"));
                        return null;
                    }
                    chosen.add(v);
                }
            }
            if (field.required() && chosen.isEmpty()) {
                errors.add(new FieldError(path, label, "1つ以上選んでください"));
            }
            return List.copyOf(chosen);
        }
        if (field.type() == FieldType.BOOLEAN) {
            return "true".equals(raw) || Boolean.TRUE.equals(raw);
        }
        String text = raw == null ? "" : String.valueOf(raw).strip();
        if (field.type() == FieldType.DATE) {
            return date(field, text, path, label);
        }
        if (text.isEmpty()) {
            if (field.required()) {
                errors.add(new FieldError(path, label, field.type() == FieldType.CHOICE ? "選んでください"
                        : field.type() == FieldType.ATTACHMENT ? "ファイルを添付してください" : "入力してください"));
            }
            return null;
        }
        try {
            return switch (field.type()) {
                case TEXT, LONGTEXT, ADDRESS -> text(field, text, path, label);
                case KANA -> text(field, Kana.toFullWidthKatakana(text), path, label);
                case CHOICE -> {
                    if (field.option(text).isEmpty()) {
                        errors.add(new FieldError(path, label, "選択肢にない値です（" + text + "）"));
                        yield null;
                    }
                    yield text;
                }
                case NUMBER, MONEY -> number(field, text, path, label);
                case POSTCODE -> {
                    String digits = CharacterWidth.toHalfWidth(text).replaceAll("[〒\\s\\-‐－ー−]", "");
                    if (!digits.matches("[0-9]{7}")) {
                        errors.add(new FieldError(path, label, "郵便番号は7桁の数字で入力してください（例：399-0001）"));
                        yield null;
                    }
                    yield digits.substring(0, 3) + "-" + digits.substring(3);
                }
                case PHONE -> {
                    String phone = CharacterWidth.toHalfWidth(text).replaceAll("[\\s‐－ー−]", "-").replaceAll("[()（）]", "-")
                            .replaceAll("-+", "-").replaceAll("^-|-$", "");
                    if (!PHONE.matcher(phone).matches() || phone.replace("-", "").length() < 10
                            || phone.replace("-", "").length() > 11) {
                        errors.add(new FieldError(path, label, "電話番号は0から始まる10桁か11桁の数字で入力してください（例：0263-00-0000）"));
                        yield null;
                    }
                    yield phone;
                }
                case EMAIL -> {
                    String email = CharacterWidth.toHalfWidth(text);
                    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                        errors.add(new FieldError(path, label, "メールアドレスの形式が正しくありません（例：name@example.jp）"));
                        yield null;
                    }
                    yield email;
                }
                case ATTACHMENT -> {
                    if (!attachmentExists.test(text)) {
                        errors.add(new FieldError(path, label, "添付ファイルが見つかりません。もう一度添付してください"));
                        yield null;
                    }
                    yield text;
                }
                case DATE, MULTI, BOOLEAN, GROUP -> throw new IllegalStateException(field.type().key());
            };
        } catch (KitFormatException e) {
            errors.add(new FieldError(path, label, e.japaneseMessage()));
            return null;
        }
    }

    private String text(FormField field, String text, String path, String label) {
        if (field.maxLength() != null && text.codePointCount(0, text.length()) > field.maxLength()) {
            errors.add(new FieldError(path, label, field.maxLength() + "文字以内で入力してください（いま"
                    + text.codePointCount(0, text.length()) + "文字）"));
            return null;
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(CharacterWidth.toHalfWidth(text)).matches()) {
            errors.add(new FieldError(path, label, field.patternMessage()));
            return null;
        }
        return field.pattern() != null ? CharacterWidth.toHalfWidth(text) : text;
    }

    private Long number(FormField field, String text, String path, String label) {
        String digits = CharacterWidth.toHalfWidth(text).replaceAll("[,，\\s円]", "");
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, label, "半角または全角の数字で入力してください（" + text + "）"));
            return null;
        }
        if (field.min() != null && v < field.min()) {
            errors.add(new FieldError(path, label, field.min() + "以上にしてください"));
            return null;
        }
        if (field.max() != null && v > field.max()) {
            errors.add(new FieldError(path, label, field.max() + "以下にしてください"));
            return null;
        }
        return v;
    }

    private LocalDate date(FormField field, String text, String path, String label) {
        String[] parts = text.split("\\|", -1);
        boolean empty = parts.length < 4 || (parts[1].isBlank() && parts[2].isBlank() && parts[3].isBlank());
        if (empty) {
            if (field.required()) {
                errors.add(new FieldError(path, label, "年・月・日を入力してください"));
            }
            return null;
        }
        String era = parts[0];
        try {
            int year = Integer.parseInt(CharacterWidth.toHalfWidth(parts[1]).strip().replace("元", "1"));
            int month = Integer.parseInt(CharacterWidth.toHalfWidth(parts[2]).strip());
            int day = Integer.parseInt(CharacterWidth.toHalfWidth(parts[3]).strip());
            if (era.equals("western")) {
                return LocalDate.of(year, month, day);
            }
            if (!DATE_ERAS.containsKey(era)) {
                errors.add(new FieldError(path, label, "元号を選んでください"));
                return null;
            }
            return Wareki.parse(DATE_ERAS.get(era) + year + "年" + month + "月" + day + "日");
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, label, "年・月・日は数字で入力してください"));
        } catch (KitFormatException e) {
            errors.add(new FieldError(path, label, e.japaneseMessage()));
        } catch (DateTimeException e) {
            errors.add(new FieldError(path, label, "存在しない日付です"));
        }
        return null;
    }

    /** The raw form of a date, in 和暦 when the date has an era from 大正 on, else 西暦. */
    public static String rawDate(LocalDate date) {
        Era era;
        try {
            era = Era.of(date);
        } catch (RuntimeException e) {
            return "western|" + date.getYear() + "|" + date.getMonthValue() + "|" + date.getDayOfMonth();
        }
        String key = switch (era) {
            case REIWA -> "reiwa";
            case HEISEI -> "heisei";
            case SHOWA -> "showa";
            case TAISHO -> "taisho";
            default -> "western";
        };
        int year = key.equals("western") ? date.getYear() : date.getYear() - era.firstYear() + 1;
        return key + "|" + year + "|" + date.getMonthValue() + "|" + date.getDayOfMonth();
    }

    private Env env(Map<String, Object> values) {
        return new Env() {
            @Override
            public Object value(String name) {
                return values.get(name);
            }

            @Override
            public LocalDate event() {
                return today;
            }

            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public boolean applies(String code) {
                return false;
            }
        };
    }
}
