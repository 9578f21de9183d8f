-- ロビー端末 — the lobby devices allowed to run the ticket machine (発券), QR check-in and the call display
-- (呼出表示), docs/reservations.md. An administrator registers a device and gets a one-time enrolment code; the
-- device then carries a signed cookie naming its row, which stays valid until revoked_at is set.

create table lobby_device (
    municipality_code    char(6) not null references municipality (code),
    id                   uuid not null default gen_random_uuid(),
    name                 text not null check (length(name) between 1 and 40),
    pages                text[] not null
        check (cardinality(pages) >= 1 and pages <@ array['TICKETS', 'CHECK_IN', 'DISPLAY']::text[]),
    enrolment_code_hash  bytea,                 -- SHA-256 of the one-time code; null once used
    enrolment_expires_at timestamptz,
    enrolled_at          timestamptz,
    revoked_at           timestamptz,
    created_by           text not null,
    created_at           timestamptz not null default now(),
    primary key (municipality_code, id),
    unique (enrolment_code_hash)
);

-- The key that signs the device cookies, one per municipality, created at the first enrolment and shared by every
-- application instance.
create table lobby_device_key (
    municipality_code char(6) not null references municipality (code),
    secret            bytea not null check (length(secret) = 32),
    created_at        timestamptz not null default now(),
    primary key (municipality_code)
);

alter table lobby_device enable row level security;
alter table lobby_device force row level security;
alter table lobby_device_key enable row level security;
alter table lobby_device_key force row level security;
create policy tenant_isolation on lobby_device
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on lobby_device_key
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update on lobby_device to ${app_role};
grant select, insert on lobby_device_key to ${app_role};
