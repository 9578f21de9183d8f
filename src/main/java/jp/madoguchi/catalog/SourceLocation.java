package jp.madoguchi.catalog;

/** Where a piece of the catalog was written: a file ("events/tennyu.yaml") or a database entry, and a 1-based line. */
public record SourceLocation(String source, int line) {

    /** 「events/tennyu.yaml 12行目」. */
    public String describe() {
        return line > 0 ? source + " " + line + "行目" : source;
    }
}
