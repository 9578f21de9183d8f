package jp.madoguchi.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.madoguchi.audit.AuditEvent;
import jp.madoguchi.audit.AuditTrail;
import jp.madoguchi.audit.Channel;
import jp.madoguchi.catalog.Catalog;
import jp.madoguchi.catalog.CatalogChange;
import jp.madoguchi.catalog.CatalogFile;
import jp.madoguchi.catalog.CatalogLoader;
import jp.madoguchi.catalog.CatalogVersion;
import jp.madoguchi.catalog.CatalogVersions;
import jp.madoguchi.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
@Transactional
class JdbcCatalogVersions implements CatalogVersions {

    private static final String VERSION_COLUMNS = "id, version_number, status, based_on, effective_from, note, "
            + "created_by, created_at, published_by, published_at";

    private final JdbcClient jdbc;
    /** For reads behind the caches: a transaction (and its tenant setting) only when the cache misses. */
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    /** Compiled catalogs by version id; a published version never changes, a draft's entry is evicted on save. */
    private final Map<String, Catalog> compiled = new ConcurrentHashMap<>();

    JdbcCatalogVersions(JdbcClient jdbc, AuditTrail audit, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private static CatalogVersion map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date effective = rs.getDate("effective_from");
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        long basedOn = rs.getLong("based_on");
        return new CatalogVersion(rs.getLong("id"), rs.getInt("version_number"),
                CatalogVersion.Status.valueOf(rs.getString("status").toUpperCase()), rs.wasNull() ? null : basedOn,
                effective == null ? null : effective.toLocalDate(), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("published_by"),
                published == null ? null : published.toInstant());
    }

    /** The version in force, per municipality and day, for the guide's every request. */
    private record InForceEntry(LocalDate day, Optional<CatalogVersion> version, long loadedAt) {
    }

    /**
     * In-force lookups, kept for {@link #IN_FORCE_NANOS}: every guide page and API call asks, and the answer changes
     * only when a version is published (cleared here when that commits) or another instance publishes (the expiry).
     */
    private final Map<String, InForceEntry> inForce = new ConcurrentHashMap<>();
    private static final long IN_FORCE_NANOS = 10_000_000_000L;

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CatalogVersion> inForce(LocalDate day) {
        String tenant = TenantContext.require();
        InForceEntry entry = inForce.get(tenant);
        if (entry != null && entry.day().equals(day) && System.nanoTime() - entry.loadedAt() < IN_FORCE_NANOS) {
            return entry.version();
        }
        Optional<CatalogVersion> version = transactions.execute(status -> queryInForce(day));
        inForce.put(tenant, new InForceEntry(day, version, System.nanoTime()));
        return version;
    }

    /** Forgets the in-force version of the current municipality once the transaction that changed it commits. */
    private void forgetInForceAfterCommit() {
        String tenant = TenantContext.require();
        inForce.remove(tenant);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    inForce.remove(tenant);
                }
            });
        }
    }

    private Optional<CatalogVersion> queryInForce(LocalDate day) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version where status = 'published' "
                        + "and effective_from <= ? order by effective_from desc, version_number desc limit 1")
                .param(day).query((rs, n) -> map(rs)).optional();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Catalog> catalogInForce(LocalDate day) {
        return inForce(day).map(v -> catalog(v.id()));
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Catalog catalog(long versionId) {
        String key = TenantContext.require() + ":" + versionId;
        Catalog cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        List<CatalogFile> files = transactions.execute(status -> files(versionId));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("カタログ版 " + versionId + " がありません");
        }
        Catalog catalog = CatalogLoader.load(files, LocalDate.now(clock));
        compiled.put(key, catalog);
        return catalog;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CatalogVersion> version(long versionId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version where id = ?").param(versionId)
                .query((rs, n) -> map(rs)).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogVersion> versions() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version order by version_number desc")
                .query((rs, n) -> map(rs)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogFile> files(long versionId) {
        return jdbc.sql("select path, content from catalog_file where version_id = ? order by path").param(versionId)
                .query((rs, n) -> new CatalogFile(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CatalogVersion> draft() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version where status = 'draft'")
                .query((rs, n) -> map(rs)).optional();
    }

    @Override
    public CatalogVersion openDraft(AuditEvent.Actor actor) {
        Optional<CatalogVersion> existing = draft();
        if (existing.isPresent()) {
            return existing.get();
        }
        CatalogVersion base = jdbc.sql("select " + VERSION_COLUMNS + " from catalog_version where status = 'published' "
                        + "order by version_number desc limit 1").query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new IllegalStateException("公開済みのカタログがないため下書きを作れません"));
        long id = insertVersion("draft", base.id(), null, null, actor);
        jdbc.sql("insert into catalog_file (version_id, municipality_code, path, content) "
                        + "select ?, municipality_code, path, content from catalog_file where version_id = ?")
                .params(id, base.id()).update();
        change(id, "create_draft", null, "第" + base.number() + "版をもとに下書きを作成", actor);
        return version(id).orElseThrow();
    }

    private long insertVersion(String status, Long basedOn, LocalDate effectiveFrom, String note, AuditEvent.Actor actor) {
        int number = jdbc.sql("select coalesce(max(version_number), 0) + 1 from catalog_version")
                .query(Integer.class).single();
        boolean published = status.equals("published");
        return jdbc.sql("insert into catalog_version (municipality_code, version_number, status, based_on, "
                        + "effective_from, note, created_by, published_by, published_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end) returning id")
                .params(TenantContext.require(), number, status, basedOn, effectiveFrom, note, actor.name(),
                        published ? actor.name() : null, published)
                .query(Long.class).single();
    }

    private CatalogVersion requireDraft() {
        return draft().orElseThrow(() -> new IllegalStateException("編集中の下書きがありません"));
    }

    @Override
    public void saveDraftFile(CatalogFile file, AuditEvent.Actor actor) {
        CatalogVersion draft = requireDraft();
        List<CatalogFile> files = new ArrayList<>(files(draft.id()).stream()
                .filter(f -> !f.path().equals(file.path())).toList());
        files.add(file);
        CatalogLoader.load(files, LocalDate.now(clock));
        int updated = jdbc.sql("update catalog_file set content = ? where version_id = ? and path = ?")
                .params(file.text(), draft.id(), file.path()).update();
        if (updated == 0) {
            jdbc.sql("insert into catalog_file (version_id, municipality_code, path, content) values (?, ?, ?, ?)")
                    .params(draft.id(), TenantContext.require(), file.path(), file.text()).update();
        }
        compiled.remove(TenantContext.require() + ":" + draft.id());
        change(draft.id(), "save", file.path(), updated == 0 ? "ファイルを追加" : "ファイルを保存", actor);
    }

    @Override
    public void deleteDraftFile(String path, AuditEvent.Actor actor) {
        CatalogVersion draft = requireDraft();
        List<CatalogFile> files = files(draft.id()).stream().filter(f -> !f.path().equals(path)).toList();
        CatalogLoader.load(files, LocalDate.now(clock));
        jdbc.sql("delete from catalog_file where version_id = ? and path = ?").params(draft.id(), path).update();
        compiled.remove(TenantContext.require() + ":" + draft.id());
        change(draft.id(), "delete", path, "ファイルを削除", actor);
    }

    @Override
    public CatalogVersion publishDraft(LocalDate effectiveFrom, String note, AuditEvent.Actor actor) {
        LocalDate today = LocalDate.now(clock);
        if (effectiveFrom == null || effectiveFrom.isBefore(today)) {
            throw new IllegalArgumentException("適用開始日は今日（" + today + "）以降の日付にしてください");
        }
        CatalogVersion draft = requireDraft();
        List<CatalogFile> files = files(draft.id());
        CatalogLoader.load(files, today);
        jdbc.sql("update catalog_version set status = 'published', effective_from = ?, note = ?, published_by = ?, "
                + "published_at = now() where id = ?").params(effectiveFrom, note, actor.name(), draft.id()).update();
        change(draft.id(), "publish", null, effectiveFrom + " から適用", actor);
        forgetInForceAfterCommit();
        compiled.remove(TenantContext.require() + ":" + draft.id());
        return version(draft.id()).orElseThrow();
    }

    @Override
    public void discardDraft(AuditEvent.Actor actor) {
        CatalogVersion draft = requireDraft();
        jdbc.sql("update catalog_version set status = 'discarded' where id = ?").param(draft.id()).update();
        compiled.remove(TenantContext.require() + ":" + draft.id());
        change(draft.id(), "discard", null, null, actor);
    }

    @Override
    public CatalogVersion importPublished(List<CatalogFile> files, LocalDate effectiveFrom, String note, AuditEvent.Actor actor) {
        CatalogLoader.load(files, LocalDate.now(clock));
        long id = insertVersion("draft", null, null, null, actor);
        for (CatalogFile f : files) {
            jdbc.sql("insert into catalog_file (version_id, municipality_code, path, content) values (?, ?, ?, ?)")
                    .params(id, TenantContext.require(), f.path(), f.text()).update();
        }
        jdbc.sql("update catalog_version set status = 'published', effective_from = ?, note = ?, published_by = ?, "
                + "published_at = now() where id = ?").params(effectiveFrom, note, actor.name(), id).update();
        change(id, "import", null, note, actor);
        forgetInForceAfterCommit();
        return version(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogChange> changes(int limit) {
        return jdbc.sql("select c.version_id, v.version_number, c.action, c.path, c.summary, c.changed_by, c.changed_at "
                        + "from catalog_change c join catalog_version v on v.id = c.version_id "
                        + "order by c.changed_at desc, c.id desc limit ?").param(limit)
                .query((rs, n) -> new CatalogChange(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    private void change(long versionId, String action, String path, String summary, AuditEvent.Actor actor) {
        jdbc.sql("insert into catalog_change (municipality_code, version_id, action, path, summary, changed_by) "
                + "values (?, ?, ?, ?, ?, ?)").params(TenantContext.require(), versionId, action, path, summary, actor.name())
                .update();
        audit.record(new AuditEvent("catalog." + action, actor, Channel.OFFICE,
                "catalog_version", Long.toString(versionId), null, "catalog", path == null ? Map.of()
                        : Map.of("path", path)));
    }
}
