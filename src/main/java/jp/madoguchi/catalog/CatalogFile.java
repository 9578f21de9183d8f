package jp.madoguchi.catalog;

/**
 * One file of a catalog: its path relative to the catalog root ("events/tennyu.yaml") and its text. A catalog
 * version, shipped or edited, is a set of such files.
 */
public record CatalogFile(String path, String text) {

    public CatalogFile {
        if (path == null || !path.matches("(catalog\\.yaml|(procedures|events|personas|forms)/[a-z0-9][a-z0-9_-]*\\.yaml)")) {
            throw new IllegalArgumentException("カタログのファイル名が正しくありません: " + path
                    + "（catalog.yaml, procedures/〜.yaml, events/〜.yaml, personas/〜.yaml, forms/〜.yaml のいずれか）");
        }
    }
}
