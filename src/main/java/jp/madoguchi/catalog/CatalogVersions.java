package jp.madoguchi.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.madoguchi.audit.AuditEvent;

/**
 * The current municipality's catalog versions (tenant from {@link jp.madoguchi.platform.TenantContext}): the one in
 * force, the draft an administrator edits, publication with an effective date, and the history of changes. Every
 * change is validated first: an edit that would break the catalog is refused with its problems and saves nothing.
 */
public interface CatalogVersions {

    /** The version in force on {@code day}: the published version with the latest effective date not after it. */
    Optional<CatalogVersion> inForce(LocalDate day);

    /** The catalog of the version in force on {@code day}. */
    Optional<Catalog> catalogInForce(LocalDate day);

    /** A version's catalog (validated when it was saved; compiled once and cached). */
    Catalog catalog(long versionId);

    Optional<CatalogVersion> version(long versionId);

    /** All versions, newest first. */
    List<CatalogVersion> versions();

    List<CatalogFile> files(long versionId);

    /** The open draft, if any. */
    Optional<CatalogVersion> draft();

    /** The open draft, created as a copy of the latest published version when there is none. */
    CatalogVersion openDraft(AuditEvent.Actor actor);

    /**
     * Replaces (or adds) one file of the draft.
     *
     * @throws CatalogException when the draft with this file would not validate; nothing is saved
     */
    void saveDraftFile(CatalogFile file, AuditEvent.Actor actor);

    /** Removes one file of the draft (validated like a save). */
    void deleteDraftFile(String path, AuditEvent.Actor actor);

    /**
     * Publishes the draft, in force from {@code effectiveFrom} (today or later).
     *
     * @throws CatalogException when the draft does not validate
     * @throws IllegalArgumentException when the date is in the past
     */
    CatalogVersion publishDraft(LocalDate effectiveFrom, String note, AuditEvent.Actor actor);

    void discardDraft(AuditEvent.Actor actor);

    /** Imports {@code files} as a new published version in force from {@code effectiveFrom}. */
    CatalogVersion importPublished(List<CatalogFile> files, LocalDate effectiveFrom, String note, AuditEvent.Actor actor);

    /** The change history, newest first. */
    List<CatalogChange> changes(int limit);
}
