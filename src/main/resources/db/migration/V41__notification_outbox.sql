-- 通知の送信待ち (transactional outbox): a message is written in the same transaction as the work it reports
-- (e.g. a booking), so it exists exactly when that work committed; a dispatcher sends it afterwards and retries.
create table notification_outbox (
    municipality_code char(6) not null references municipality (code),
    id                bigint generated always as identity,
    channel           text not null check (channel in ('EMAIL', 'SMS')),
    recipient         text not null,
    subject           text not null,
    body              text not null,
    subject_type      text,                            -- what it is about, e.g. reservation_booking
    subject_id        text,
    status            text not null check (status in ('PENDING', 'SENT', 'HELD', 'FAILED')),
    attempts          int not null default 0,
    next_attempt_at   timestamptz not null default now(),
    last_error        text,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    primary key (municipality_code, id)
);
create index notification_outbox_due on notification_outbox (municipality_code, next_attempt_at)
    where status = 'PENDING';
create index notification_outbox_subject on notification_outbox (municipality_code, subject_type, subject_id);

alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;
create policy tenant_isolation on notification_outbox
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update (status, attempts, next_attempt_at, last_error, sent_at) on notification_outbox
    to ${app_role};
