-- 手続カタログ — a municipality's procedure catalog as versions of the catalog files (docs/catalog.md). A version
-- is a draft (at most one per municipality, being edited), published (in force from effective_from until a later
-- published version takes over) or discarded. Published versions are never changed: a change is a new version.

create table catalog_version (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    version_number    int not null check (version_number >= 1),
    status            text not null check (status in ('draft', 'published', 'discarded')),
    based_on          bigint references catalog_version (id),
    effective_from    date,
    note              text,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    published_by      text,
    published_at      timestamptz,
    unique (municipality_code, version_number),
    check (status <> 'published' or (effective_from is not null and published_at is not null))
);
create unique index catalog_version_one_draft on catalog_version (municipality_code) where status = 'draft';
create index catalog_version_in_force on catalog_version (municipality_code, effective_from desc)
    where status = 'published';

create table catalog_file (
    version_id        bigint not null references catalog_version (id),
    municipality_code char(6) not null references municipality (code),
    path              text not null check (path ~ '^(catalog\.yaml|(procedures|events|personas)/[a-z0-9][a-z0-9_-]*\.yaml)$'),
    content           text not null,
    primary key (version_id, path)
);

-- Who changed what: every save, publication and discard (the audit trail has them too).
create table catalog_change (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    version_id        bigint not null references catalog_version (id),
    action            text not null check (action in ('import', 'create_draft', 'save', 'delete', 'publish', 'discard')),
    path              text,
    summary           text,
    changed_by        text not null,
    changed_at        timestamptz not null default now()
);
create index catalog_change_version on catalog_change (municipality_code, version_id, changed_at);

-- Published versions and their files never change; drafts may be edited.
create function catalog_keep_published() returns trigger
    language plpgsql as $$
declare
    status_of text;
begin
    if tg_table_name = 'catalog_version' then
        if old.status <> 'draft' then
            raise exception '公開済み・破棄済みのカタログ版は変更できません' using errcode = 'check_violation';
        end if;
        return new;
    end if;
    select status into status_of from catalog_version where id = old.version_id;
    if status_of <> 'draft' then
        raise exception '公開済み・破棄済みのカタログ版のファイルは変更できません' using errcode = 'check_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;
create trigger catalog_version_keep_published before update on catalog_version
    for each row execute function catalog_keep_published();
create trigger catalog_file_keep_published before update or delete on catalog_file
    for each row execute function catalog_keep_published();

alter table catalog_version enable row level security;
alter table catalog_file enable row level security;
alter table catalog_change enable row level security;
create policy tenant_isolation on catalog_version
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on catalog_file
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on catalog_change
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update on catalog_version to ${app_role};
grant select, insert, update, delete on catalog_file to ${app_role};
grant select, insert on catalog_change to ${app_role};
