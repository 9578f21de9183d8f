package jp.madoguchi.application.internal;

import java.util.stream.Stream;

/** An entry of a step page's error summary: a link to the field, its label and the reason. */
public record StepFormErrors(String htmlId, String label, String message) {

    static Stream<StepFormErrors> of(FieldView v) {
        Stream<StepFormErrors> own = v.error() == null ? Stream.empty()
                : Stream.of(new StepFormErrors(v.type().equals("date") ? v.htmlId() + "-y" : v.htmlId(),
                        v.field().label(), v.error()));
        Stream<StepFormErrors> inner = v.items().stream().flatMap(item -> item.stream()).flatMap(StepFormErrors::of);
        return Stream.concat(own, inner);
    }
}
