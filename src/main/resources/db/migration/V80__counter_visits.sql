-- 来庁受付 — visits at the no-writing one-stop counter (書かないワンストップ窓口), docs/counter.md.

create table counter_visit (
    id                 uuid primary key,
    municipality_code  char(6) not null references municipality (code),
    visitor_atena      text not null,                   -- 宛名番号 of the visitor (from the register)
    identified_by      text not null check (identified_by in ('CARD', 'REGISTER_SEARCH')),
    card_mismatches    jsonb not null default '[]',     -- differences between card and register, as shown
    subject_atena      text,                            -- おくやみ: the deceased's 宛名番号
    staff_id           bigint not null,
    staff_name         text not null,
    state              text not null check (state in ('OPEN', 'CONFIRMED', 'CLOSED')),
    opened_at          timestamptz not null default now(),
    confirmed_at       timestamptz,
    closed_at          timestamptz,
    kiosk_token        text not null,                   -- secret of the tablet view
    check_code         char(4) not null,                -- shown on both screens against mixing visitors up
    life_event         text,
    answers            jsonb not null default '{}',
    procedures         text[] not null default '{}',    -- picked procedures with a form
    sheets             jsonb not null default '{}',     -- per procedure: raw values, prefilled and typed field ids
    signature_png      bytea,
    application_id     bigint,
    receipt_number     text,
    version            int not null default 0,
    unique (municipality_code, kiosk_token)
);

-- Measured: what happened at a visit, for the processing dashboards. Append-only.
create table counter_visit_event (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    visit_id          uuid not null references counter_visit (id),
    at                timestamptz not null default now(),
    kind              text not null,
    details           jsonb not null default '{}'
);
create index counter_visit_event_visit on counter_visit_event (visit_id, id);

create or replace function counter_visit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'counter_visit_event is append-only';
end $$;
create trigger counter_visit_event_no_change before update or delete on counter_visit_event
    for each row execute function counter_visit_event_append_only();

alter table counter_visit enable row level security;
alter table counter_visit force row level security;
alter table counter_visit_event enable row level security;
alter table counter_visit_event force row level security;
create policy tenant_isolation on counter_visit
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on counter_visit_event
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update on counter_visit to ${app_role};
grant select, insert on counter_visit_event to ${app_role};
