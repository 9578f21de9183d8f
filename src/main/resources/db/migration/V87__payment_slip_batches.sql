-- 納付書の一括作成 as a background job with progress (docs/payments.md, "納付書"): one row per batch asked for, its
-- state (QUEUED → RUNNING → DONE | FAILED), the pages done of the total while it runs, and the finished PDF. A batch
-- left QUEUED or RUNNING by a stopped application is marked FAILED at the next start.

create table payment_slip_batch (
    id                uuid primary key,
    municipality_code char(6) not null references municipality (code),
    fund_code         text not null,
    fiscal_year       int not null,
    installment_no    int not null check (installment_no between 1 and 99),
    state             text not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total             int not null check (total >= 0),
    done              int not null default 0 check (done >= 0 and done <= total),
    failure           text,
    pdf               bytea,
    render_millis     bigint,
    requested_by      text not null,
    requested_at      timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    check ((state = 'DONE') = (pdf is not null))
);
create index payment_slip_batch_recent on payment_slip_batch (municipality_code, requested_at desc);

alter table payment_slip_batch enable row level security;
alter table payment_slip_batch force row level security;
create policy tenant_isolation on payment_slip_batch
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert on payment_slip_batch to ${app_role};
grant update (state, total, done, failure, pdf, render_millis, started_at, finished_at) on payment_slip_batch to ${app_role};
