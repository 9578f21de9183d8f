-- オンライン申請・申請管理 — online applications and the staff case workflow (issue 5, docs/applications.md).
--
-- A resident fills a draft (申請の下書き, save-and-resume), submits it once (the draft's id is the idempotency key:
-- a double click or a retried request finds the same row), and the submission becomes one case (案件) per
-- procedure. Every state change of a case appends a case_event (who, when, channel) for the processing dashboards.

-- 下書き — what the resident has typed so far, as typed (raw strings), per procedure of the bundle.
create table application_draft (
    id                uuid primary key,
    municipality_code char(6) not null references municipality (code),
    owner_provider    text not null,
    owner_subject     text not null,
    procedures        text[] not null check (cardinality(procedures) between 1 and 10),
    raw               jsonb not null default '{}'::jsonb,
    current_step      int not null default 0,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    submitted_application_id bigint
);
create index application_draft_owner on application_draft (municipality_code, owner_provider, owner_subject);

-- 添付ファイル — kept in the database (no file path anyone can choose), its type checked by content.
create table application_attachment (
    id                uuid primary key,
    municipality_code char(6) not null references municipality (code),
    draft_id          uuid references application_draft (id),
    owner_subject     text not null,
    field_path        text not null,
    media_type        text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes        int not null check (size_bytes > 0),
    sha256            bytea not null check (length(sha256) = 32),
    original_name     text not null check (length(original_name) <= 255),
    content           bytea not null,
    created_at        timestamptz not null default now()
);
create index application_attachment_draft on application_attachment (draft_id);

-- 申請 — one submission. content is the canonical JSON exactly as submitted (and signed, when a signature is
-- required); it is never changed.
create sequence application_receipt_seq;
create table application (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    receipt_number    text not null,
    idempotency_key   uuid not null,
    channel           text not null check (channel in ('ONLINE', 'COUNTER', 'KIOSK', 'POST')),
    applicant_provider text not null,
    applicant_subject text not null,
    applicant         jsonb not null,
    email             text,
    submitted_at      timestamptz not null default now(),
    content           bytea not null,
    content_sha256    bytea not null check (length(content_sha256) = 32),
    signature         bytea,
    signature_result  jsonb,
    unique (municipality_code, idempotency_key),
    unique (municipality_code, receipt_number)
);
create index application_applicant on application (municipality_code, applicant_provider, applicant_subject);
alter table application_draft add foreign key (submitted_application_id) references application (id);

-- 案件 — one procedure of a submission, handled by its department.
create table application_case (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    application_id    bigint not null references application (id),
    procedure_code    text not null,
    procedure_name    text not null,
    department_code   text not null,
    department_name   text not null,
    status            text not null check (status in
                          ('RECEIVED', 'UNDER_REVIEW', 'CORRECTION_REQUESTED', 'DECIDED', 'REJECTED', 'COMPLETED',
                           'WITHDRAWN')),
    data              jsonb not null,
    assignee_id       bigint,
    assignee_name     text,
    due_date          date,
    decision_note     text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    decided_at        timestamptz,
    version           int not null default 0
);
create index application_case_queue on application_case (municipality_code, department_code, status);
create index application_case_application on application_case (application_id);

-- 案件の出来事 — every state change and comment, append-only.
create table case_event (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    case_id           bigint not null references application_case (id),
    at                timestamptz not null default now(),
    action            text not null,
    from_status       text,
    to_status         text,
    actor_kind        text not null check (actor_kind in ('STAFF', 'RESIDENT', 'SYSTEM')),
    actor_id          text,
    actor_name        text,
    channel           text not null check (channel in ('ONLINE', 'COUNTER', 'KIOSK', 'POST', 'OFFICE', 'SYSTEM')),
    comment           text,
    visible_to_resident boolean not null default false,
    data              jsonb
);
create index case_event_case on case_event (case_id, id);

create or replace function case_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only';
end $$;
create trigger case_event_no_change before update or delete on case_event
    for each row execute function case_event_append_only();

alter table application_draft enable row level security;
alter table application_draft force row level security;
alter table application_attachment enable row level security;
alter table application_attachment force row level security;
alter table application enable row level security;
alter table application force row level security;
alter table application_case enable row level security;
alter table application_case force row level security;
alter table case_event enable row level security;
alter table case_event force row level security;
create policy tenant_isolation on application_draft
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on application_attachment
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on application
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on application_case
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on case_event
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update, delete on application_draft, application_attachment to ${app_role};
grant select, insert on application to ${app_role};
grant select, insert, update on application_case to ${app_role};
grant select, insert on case_event to ${app_role};
grant usage on sequence application_receipt_seq
    to ${app_role};

-- The catalog now carries the online application forms (forms/<procedure>.yaml).
alter table catalog_file drop constraint catalog_file_path_check;
alter table catalog_file add constraint catalog_file_path_check
    check (path ~ '^(catalog\.yaml|(procedures|events|personas|forms)/[a-z0-9][a-z0-9_-]*\.yaml)$');
