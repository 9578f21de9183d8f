-- 来庁予約・発券・呼出 — visit reservations, queue tickets and the call display (issue 7, docs/reservations.md).
--
-- Capacity is enforced here, not in Java: a booking increments reservation_slot.booked with one
-- INSERT ... ON CONFLICT DO UPDATE ... WHERE booked < capacity, which takes the slot row's lock, and the CHECK
-- (booked <= capacity) refuses any write that would overbook, whatever the application does.

-- 窓口・ブース — counters and booths.
create table reservation_counter (
    municipality_code char(6) not null references municipality (code),
    code              text not null check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name              text not null check (length(name) between 1 and 40),
    active            boolean not null default true,
    primary key (municipality_code, code)
);

-- 予約できる用件 — services: how long a visit takes, how many visitors per slot, what to bring.
create table reservation_service (
    municipality_code char(6) not null references municipality (code),
    code              text not null check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name              text not null check (length(name) between 1 and 60),
    duration_minutes  int not null check (duration_minutes between 5 and 240),
    slot_capacity     int not null check (slot_capacity between 0 and 100),
    what_to_bring     text not null default '',
    procedure_code    text,                                   -- 手続カタログへの結び付け（後で）
    ticket_prefix     text not null check (ticket_prefix ~ '^[A-Z]$'),
    sort_order        int not null default 0,
    active            boolean not null default true,
    primary key (municipality_code, code),
    unique (municipality_code, ticket_prefix)
);

-- Which counters serve which services.
create table reservation_service_counter (
    municipality_code char(6) not null,
    service_code      text not null,
    counter_code      text not null,
    primary key (municipality_code, service_code, counter_code),
    foreign key (municipality_code, service_code) references reservation_service (municipality_code, code)
        on delete cascade,
    foreign key (municipality_code, counter_code) references reservation_counter (municipality_code, code)
        on delete cascade
);

-- 受付時間 — opening hours per ISO day of week (1 = Monday … 7 = Sunday). A weekday without a row is closed;
-- 休日開庁 days use their own hours (reservation_special_day).
create table reservation_opening_hours (
    municipality_code char(6) not null references municipality (code),
    day_of_week       smallint not null check (day_of_week between 1 and 7),
    opens             time not null,
    closes            time not null,
    primary key (municipality_code, day_of_week),
    check (opens < closes)
);

-- 臨時閉庁 (closure) and 休日開庁 (opening, with its hours). National holidays and 12/29–1/3 come from the kit.
create table reservation_special_day (
    municipality_code char(6) not null references municipality (code),
    day               date not null,
    kind              text not null check (kind in ('CLOSURE', 'OPENING')),
    opens             time,
    closes            time,
    note              text not null default '',
    primary key (municipality_code, day),
    check ((kind = 'CLOSURE' and opens is null and closes is null)
        or (kind = 'OPENING' and opens is not null and closes is not null and opens < closes))
);

-- キャンペーン — extra capacity per slot for a service over a period (e.g. card renewals).
create table reservation_campaign (
    municipality_code char(6) not null references municipality (code),
    id                bigint generated always as identity,
    service_code      text not null,
    name              text not null check (length(name) between 1 and 60),
    starts_on         date not null,
    ends_on           date not null,
    extra_capacity    int not null check (extra_capacity between 1 and 100),
    primary key (municipality_code, id),
    foreign key (municipality_code, service_code) references reservation_service (municipality_code, code)
        on delete cascade,
    check (starts_on <= ends_on)
);

-- 予約枠 — one row per service and slot start, created at the first booking. booked never exceeds capacity.
create table reservation_slot (
    municipality_code char(6) not null,
    service_code      text not null,
    starts_at         timestamptz not null,
    capacity          int not null check (capacity >= 0),
    booked            int not null default 0 check (booked >= 0),
    primary key (municipality_code, service_code, starts_at),
    foreign key (municipality_code, service_code) references reservation_service (municipality_code, code),
    constraint reservation_slot_not_overbooked check (booked <= capacity)
);

-- 予約 — a booking. id is random (UUID v4) and never shown; the resident sees the reservation number and reaches the
-- booking only through the secret link, whose token is stored as a SHA-256 hash.
create table reservation_booking (
    municipality_code  char(6) not null,
    id                 uuid not null default gen_random_uuid(),
    reservation_number text not null check (reservation_number ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
    service_code       text not null,
    starts_at          timestamptz not null,
    state              text not null check (state in ('CONFIRMED', 'CHANGED', 'CANCELLED', 'CHECKED_IN', 'NO_SHOW')),
    visitor_name       text not null,
    contact_kind       text not null check (contact_kind in ('EMAIL', 'SMS')),
    contact            text not null,
    contact_key        text not null,                  -- normalised contact, for the per-contact limit
    manage_token_hash  bytea not null,
    checkin_token_hash bytea not null,
    replaced_by        uuid,                           -- the booking a change created
    reminded_at        timestamptz,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (municipality_code, id),
    unique (municipality_code, reservation_number),
    unique (manage_token_hash),
    unique (checkin_token_hash),
    foreign key (municipality_code, service_code, starts_at)
        references reservation_slot (municipality_code, service_code, starts_at)
);
create index reservation_booking_contact on reservation_booking (municipality_code, contact_key, starts_at)
    where state = 'CONFIRMED';
create index reservation_booking_day on reservation_booking (municipality_code, starts_at)
    where state = 'CONFIRMED';

-- 発券番号の採番 — the last ticket number per day and service.
create table queue_ticket_sequence (
    municipality_code char(6) not null references municipality (code),
    day               date not null,
    service_code      text not null,
    last_number       int not null check (last_number between 1 and 999),
    primary key (municipality_code, day, service_code)
);

-- 整理券 — a queue ticket (walk-in, or a reserved visitor who checked in). Its timestamps are the facts behind the
-- dashboards: wait = called_at - issued_at, service = finished_at - called_at, no-shows = state ABSENT.
create table queue_ticket (
    municipality_code char(6) not null,
    id                bigint generated always as identity,
    day               date not null,
    service_code      text not null,
    number            int not null,
    display_number    text not null,                   -- e.g. A-012
    state             text not null check (state in ('WAITING', 'CALLED', 'DONE', 'ABSENT')),
    booking_id        uuid,
    counter_code      text,
    issued_at         timestamptz not null,
    called_at         timestamptz,
    finished_at       timestamptz,
    primary key (municipality_code, id),
    unique (municipality_code, day, service_code, number),
    unique (municipality_code, booking_id),
    foreign key (municipality_code, service_code) references reservation_service (municipality_code, code),
    foreign key (municipality_code, booking_id) references reservation_booking (municipality_code, id)
);
create index queue_ticket_waiting on queue_ticket (municipality_code, day, state, issued_at);

-- ダッシュボード用 — wait time, service time and no-shows per service and hour (of issue), from the tickets.
create view queue_ticket_hourly with (security_invoker = true) as
select municipality_code, day, service_code, extract(hour from issued_at at time zone 'Asia/Tokyo')::int as hour,
       count(*) as issued,
       count(*) filter (where state = 'ABSENT') as absent,
       count(*) filter (where booking_id is not null) as reserved,
       avg(extract(epoch from called_at - issued_at)) filter (where called_at is not null) as avg_wait_seconds,
       percentile_cont(0.9) within group (order by extract(epoch from called_at - issued_at))
           filter (where called_at is not null) as p90_wait_seconds,
       avg(extract(epoch from finished_at - called_at)) filter (where state = 'DONE') as avg_service_seconds
from queue_ticket
group by municipality_code, day, service_code, hour;

alter table reservation_counter enable row level security;
alter table reservation_counter force row level security;
alter table reservation_service enable row level security;
alter table reservation_service force row level security;
alter table reservation_service_counter enable row level security;
alter table reservation_service_counter force row level security;
alter table reservation_opening_hours enable row level security;
alter table reservation_opening_hours force row level security;
alter table reservation_special_day enable row level security;
alter table reservation_special_day force row level security;
alter table reservation_campaign enable row level security;
alter table reservation_campaign force row level security;
alter table reservation_slot enable row level security;
alter table reservation_slot force row level security;
alter table reservation_booking enable row level security;
alter table reservation_booking force row level security;
alter table queue_ticket_sequence enable row level security;
alter table queue_ticket_sequence force row level security;
alter table queue_ticket enable row level security;
alter table queue_ticket force row level security;
create policy tenant_isolation on reservation_counter
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_service
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_service_counter
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_opening_hours
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_special_day
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_campaign
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_slot
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on reservation_booking
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on queue_ticket_sequence
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on queue_ticket
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update, delete on reservation_counter, reservation_service, reservation_service_counter,
    reservation_opening_hours, reservation_special_day, reservation_campaign to ${app_role};
grant select, insert, update on reservation_slot, reservation_booking, queue_ticket_sequence, queue_ticket
    to ${app_role};
grant select on queue_ticket_hourly to ${app_role};
