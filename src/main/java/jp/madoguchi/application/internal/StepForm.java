package jp.madoguchi.application.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.application.AttachmentInfo;
import jp.madoguchi.catalog.FormInput;
import jp.madoguchi.catalog.FieldType;
import jp.madoguchi.catalog.Form;
import jp.madoguchi.catalog.FormField;
import jp.madoguchi.catalog.FormStep;

/**
 * Between HTML and a draft's raw values for one step: reads the posted parameters ({@code f.<id>},
 * {@code f.<group>.<i>.<id>}, dates as {@code .era/.y/.m/.d}) into raw values, and builds the {@link FieldView}s a
 * page shows, with each visible field's error.
 */
public final class StepForm {

    private StepForm() {
    }

    /** A step of a bundle: which procedure's form, which of its steps. */
    public record StepRef(String procedure, Form form, int index) {
        public FormStep step() {
            return form.steps().get(index);
        }
    }

    static List<StepRef> steps(List<Form> forms) {
        List<StepRef> out = new ArrayList<>();
        for (Form f : forms) {
            for (int i = 0; i < f.steps().size(); i++) {
                out.add(new StepRef(f.procedure(), f, i));
            }
        }
        return out;
    }

    /** The raw values of one step's fields from the request parameters, merged over {@code before}. */
    static Map<String, Object> read(FormStep step, Map<String, String[]> params, Map<String, Object> before) {
        Map<String, Object> raw = new LinkedHashMap<>(before);
        for (FormField f : step.fields()) {
            if (f.type() == FieldType.GROUP) {
                int count = intParam(params, "f." + f.id() + ".count");
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    for (FormField inner : f.fields()) {
                        Object v = value(inner, params, "f." + f.id() + "." + i + "." + inner.id());
                        if (v != null) {
                            item.put(inner.id(), v);
                        }
                    }
                    items.add(item);
                }
                raw.put(f.id(), items);
            } else if (f.type() != FieldType.ATTACHMENT) {
                Object v = value(f, params, "f." + f.id());
                if (v == null) {
                    raw.remove(f.id());
                } else {
                    raw.put(f.id(), v);
                }
            }
        }
        return raw;
    }

    private static Object value(FormField f, Map<String, String[]> params, String name) {
        if (f.type() == FieldType.DATE) {
            String era = first(params, name + ".era");
            String y = first(params, name + ".y");
            String m = first(params, name + ".m");
            String d = first(params, name + ".d");
            if (era == null && y == null) {
                return null;
            }
            return (era == null ? "reiwa" : era) + "|" + nz(y) + "|" + nz(m) + "|" + nz(d);
        }
        if (f.type() == FieldType.MULTI) {
            String[] values = params.get(name);
            return values == null ? List.of() : List.of(values);
        }
        if (f.type() == FieldType.BOOLEAN) {
            return "true".equals(first(params, name)) ? "true" : "false";
        }
        String v = first(params, name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    private static int intParam(Map<String, String[]> params, String name) {
        try {
            return Math.max(0, Math.min(50, Integer.parseInt(first(params, name))));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    /**
     * The views of a step's visible fields. Visibility is decided by the typed values of the whole form so far; a
     * field whose condition does not hold is not shown (and not asked).
     */
    static List<FieldView> views(FormStep step, Map<String, Object> raw, FormInput.Reading reading,
            Map<String, AttachmentInfo> attachments, boolean showErrors, java.time.LocalDate today, Form form) {
        java.util.Set<String> controlling = form.controllingFields();
        List<FieldView> out = new ArrayList<>();
        for (FormField f : step.fields()) {
            if (!FormInput.visible(f, reading.values(), today)) {
                continue;
            }
            out.add(view(f, "f." + f.id(), "f-" + f.id(), f.id(), raw.get(f.id()), reading, attachments, showErrors,
                    today, controlling));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static FieldView view(FormField f, String name, String htmlId, String path, Object raw,
            FormInput.Reading reading, Map<String, AttachmentInfo> attachments, boolean showErrors,
            java.time.LocalDate today, java.util.Set<String> controlling) {
        boolean controls = controlling.contains(f.id());
        String error = showErrors ? reading.error(path).map(FormInput.FieldError::message).orElse(null) : null;
        if (f.type() == FieldType.GROUP) {
            List<List<FieldView>> items = new ArrayList<>();
            List<?> rawItems = raw instanceof List<?> l ? l : List.of();
            List<?> typedItems = reading.values().get(f.id()) instanceof List<?> t ? t : List.of();
            for (int i = 0; i < rawItems.size(); i++) {
                Map<String, Object> itemRaw = rawItems.get(i) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                Map<String, Object> typed = i < typedItems.size() && typedItems.get(i) instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                List<FieldView> fields = new ArrayList<>();
                for (FormField inner : f.fields()) {
                    if (!FormInput.visibleInItem(inner, typed, reading.values(), today)) {
                        continue;
                    }
                    fields.add(view(inner, name + "." + i + "." + inner.id(), htmlId + "-" + i + "-" + inner.id(),
                            f.id() + "[" + (i + 1) + "]." + inner.id(), itemRaw.get(inner.id()), reading, attachments,
                            showErrors, today, controlling));
                }
                items.add(fields);
            }
            return new FieldView(f, name, htmlId, null, null, error, null, null, items, controls);
        }
        if (f.type() == FieldType.MULTI) {
            List<String> list = raw instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            return new FieldView(f, name, htmlId, null, list, error, null, null, List.of(), controls);
        }
        String text = raw == null ? null : String.valueOf(raw);
        String[] parts = null;
        if (f.type() == FieldType.DATE) {
            parts = text == null ? new String[] {"reiwa", "", "", ""} : (text + "|||").split("\\|", -1);
        }
        AttachmentInfo attachment = f.type() == FieldType.ATTACHMENT && text != null ? attachments.get(text) : null;
        return new FieldView(f, name, htmlId, text, null, error, parts, attachment, List.of(), controls);
    }
}
