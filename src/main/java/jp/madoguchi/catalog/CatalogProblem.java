package jp.madoguchi.catalog;

/** One thing wrong with a catalog: where, and why (in Japanese). */
public record CatalogProblem(SourceLocation location, String message) {

    public String describe() {
        return location.describe() + ": " + message;
    }
}
