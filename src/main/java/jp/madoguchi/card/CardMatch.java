package jp.madoguchi.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.madoguchi.resident.ResidentSummary;

/**
 * The result of matching a card's facts to the register: the person (or the candidates, or nobody), with a
 * field-by-field comparison of each against the card.
 *
 * @param outcome matched, candidates or not found
 * @param candidates the matched person (one) or the candidates, each with its comparison; empty when not found
 * @param message what staff should know, in Japanese
 */
public record CardMatch(Outcome outcome, List<Candidate> candidates, String message) {

    /** How the match came out. */
    public enum Outcome {
        /** One person whose 氏名 (allowing notation and 字形) and 生年月日 agree with the card. */
        MATCHED,
        /** Several people, or only people whose birth date and address (not name) agree: staff choose. */
        CANDIDATES,
        /** Nobody in the register agrees with the card. */
        NOT_FOUND
    }

    /**
     * A register record compared with the card.
     *
     * @param resident the register's record (as a search shows it)
     * @param comparisons 氏名, 生年月日, 性別, 住所 in that order
     */
    public record Candidate(ResidentSummary resident, List<FieldComparison> comparisons) {

        public Candidate {
            Objects.requireNonNull(resident, "resident");
            comparisons = List.copyOf(comparisons);
        }

        /** Whether any field needs staff's attention (a different 字形 or value). */
        public boolean hasDifferences() {
            return comparisons.stream().anyMatch(FieldComparison::needsAttention);
        }

        /** The comparison of one field. */
        public FieldComparison comparison(FieldComparison.Field field) {
            return comparisons.stream().filter(c -> c.field() == field).findFirst().orElseThrow();
        }

        /** Reveals no personal data. */
        @Override
        public String toString() {
            return "Candidate[" + resident.atenaNumber() + ", " + comparisons + "]";
        }
    }

    public CardMatch {
        Objects.requireNonNull(outcome, "outcome");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(message, "message");
        boolean consistent = switch (outcome) {
            case MATCHED -> candidates.size() == 1;
            case CANDIDATES -> !candidates.isEmpty();
            case NOT_FOUND -> candidates.isEmpty();
        };
        if (!consistent) {
            throw new IllegalArgumentException(outcome + " with " + candidates.size() + " candidates");
        }
    }

    /** The matched person, when {@link Outcome#MATCHED}. */
    public Optional<Candidate> matched() {
        return outcome == Outcome.MATCHED ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    /** Reveals no personal data. */
    @Override
    public String toString() {
        return "CardMatch[" + outcome + ", " + candidates + "]";
    }
}
