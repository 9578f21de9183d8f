package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The procedures that apply to a complete set of answers: those the resident must do, and the automatic ones shown
 * for information (手続不要).
 */
public record Determination(LifeEvent event, Optional<LocalDate> eventDate, Answers answers,
        List<ApplicableProcedure> procedures) {

    /** Procedures the resident has to do (not automatic). */
    public List<ApplicableProcedure> toDo() {
        return procedures.stream().filter(p -> !p.procedure().automatic()).toList();
    }

    /** Procedures that need nothing from the resident. */
    public List<ApplicableProcedure> automatic() {
        return procedures.stream().filter(p -> p.procedure().automatic()).toList();
    }

    /** The codes of all applicable procedures, in order. */
    public List<String> codes() {
        return procedures.stream().map(p -> p.procedure().code()).toList();
    }
}
