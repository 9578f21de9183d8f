package jp.madoguchi.application;

import java.util.UUID;

/** An uploaded file's facts (its content is fetched separately). */
public record AttachmentInfo(UUID id, String fieldPath, String mediaType, int sizeBytes, String sha256Hex,
        String originalName) {

    public String sizeLabel() {
        return sizeBytes >= 1024 * 1024 ? String.format("%.1fMB", sizeBytes / 1024.0 / 1024.0)
                : Math.max(1, sizeBytes / 1024) + "KB";
    }
}
