-- Madoguchi schema, part 1: tenants, code tables, staff, audit events.
--
-- Tenancy: every tenant-owned table carries municipality_code and has row-level security enabled with a policy
-- comparing it to the transaction-local setting madoguchi.tenant (set by the application at the start of every
-- transaction). The application connects as ${app_role}: not the owner of these tables, no superuser, no BYPASSRLS.
-- Tables are owned by the migration role, which is used by Flyway only.

create function current_tenant() returns text
    language sql stable
    as $$ select coalesce(current_setting('madoguchi.tenant', true), '') $$;

-- 地方公共団体 — the tenants. Global (not tenant-owned): sign-in needs to know which municipalities exist.
create table municipality (
    code            char(6) primary key check (code ~ '^[0-9]{6}$'),
    name            text not null,
    name_kana       text not null,
    prefecture_name text not null,
    demo            boolean not null default false,
    created_at      timestamptz not null default now()
);

-- Code tables (コード表) as data, versioned by effective dates. Global.
create table code_table_entry (
    table_id   text not null,
    code       text not null,
    label      text not null,
    sort_order int not null default 0,
    valid_from date not null default date '1900-01-01',
    valid_to   date,
    source     text not null,
    primary key (table_id, code, valid_from)
);

-- 職員 — staff accounts of a municipality.
create table staff_account (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    login_id          text not null check (login_id ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name      text not null check (length(display_name) between 1 and 60),
    password_hash     text not null,
    roles             text[] not null check (cardinality(roles) > 0),
    enabled           boolean not null default true,
    failed_attempts   int not null default 0,
    locked_until      timestamptz,
    created_at        timestamptz not null default now(),
    created_by        bigint,
    unique (municipality_code, login_id)
);
alter table staff_account enable row level security;
create policy tenant_isolation on staff_account
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

-- Events: every meaningful change and every read of a person's data appends one. Append-only for the application.
create table audit_event (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    occurred_at       timestamptz not null default now(),
    event_type        text not null,
    actor_type        text not null check (actor_type in ('staff', 'resident', 'system')),
    actor_id          text,
    actor_name        text,
    channel           text not null check (channel in ('office', 'online', 'counter', 'kiosk', 'post', 'api', 'system')),
    subject_type      text,
    subject_id        text,
    purpose           text,
    via               text,
    details           jsonb not null default '{}'::jsonb
);
create index audit_event_subject on audit_event (municipality_code, subject_type, subject_id, occurred_at desc);
create index audit_event_type_time on audit_event (municipality_code, event_type, occurred_at desc);
alter table audit_event enable row level security;
create policy tenant_isolation on audit_event
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant usage on schema public to ${app_role};
grant execute on function current_tenant() to ${app_role};
grant select, insert on municipality to ${app_role};
grant select on code_table_entry to ${app_role};
grant select, insert, update on staff_account to ${app_role};
grant select, insert on audit_event to ${app_role};
