package jp.madoguchi.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a municipality's catalog: a draft being edited, or a published (or discarded) one. */
public record CatalogVersion(long id, int number, Status status, Long basedOn, LocalDate effectiveFrom, String note,
        String createdBy, Instant createdAt, String publishedBy, Instant publishedAt) {

    public enum Status {
        DRAFT("下書き"), PUBLISHED("公開"), DISCARDED("破棄");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
