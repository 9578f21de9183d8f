package jp.madoguchi.catalog;

import java.time.Instant;

/** An entry of a catalog's change history: who did what to which version and file. */
public record CatalogChange(long versionId, int versionNumber, String action, String path, String summary,
        String changedBy, Instant changedAt) {

    /** The action in Japanese. */
    public String actionLabel() {
        return switch (action) {
            case "import" -> "標準カタログの取り込み";
            case "create_draft" -> "下書きの作成";
            case "save" -> "保存";
            case "delete" -> "ファイルの削除";
            case "publish" -> "公開";
            case "discard" -> "下書きの破棄";
            default -> action;
        };
    }
}
