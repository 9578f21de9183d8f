package jp.madoguchi.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * 申請フォーム — the online application form of a procedure: its steps and typed fields, as data in the catalog
 * ({@code forms/*.yaml}, docs/forms.md).
 *
 * @param signatureRequired the submission must carry an electronic signature (JPKI 署名用電子証明書)
 * @param processingDays 標準処理期間 in days, for the case deadline; {@code null} when none is set
 */
public record Form(String procedure, String title, String summary, boolean signatureRequired,
        Integer processingDays, List<FormStep> steps, SourceLocation location) {

    /** The top-level fields of every step, in order. */
    public List<FormField> fields() {
        return steps.stream().flatMap(s -> s.fields().stream()).toList();
    }

    public Optional<FormField> field(String id) {
        return fields().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The fields whose answer shows or hides another field (named in some {@code when}). */
    public java.util.Set<String> controllingFields() {
        java.util.Set<String> names = new java.util.HashSet<>();
        allFields().filter(f -> f.when() != null).forEach(f -> names.addAll(f.when().names()));
        return names;
    }

    /** Every field including those inside groups, depth first. */
    public Stream<FormField> allFields() {
        return fields().stream().flatMap(f -> Stream.concat(Stream.of(f), f.fields().stream()));
    }
}
