-- 公金収納 — public-fund payments: what is owed (調定 and 期別), payment files received from collection agents and
-- banks, and their reconciliation (消込). See docs/payments.md.
--
-- Personal data kept here: the payer's 宛名番号 and, for direct debit, the bank account and the holder's kana name
-- (the bank file needs it). No names or addresses otherwise.

-- 収納科目 — the funds collected (国保料, 介護保険料, 保育料, 水道料金 …): data, not code.
create table payment_fund (
    municipality_code    char(6) not null references municipality (code),
    code                 text not null check (code ~ '^[a-z][a-z0-9_]{1,31}$'),
    name                 text not null check (length(name) between 1 and 40),
    fund_number          char(2) not null check (fund_number ~ '^[0-9]{2}$'),      -- 科目番号 in 自由使用欄, 納付区分
    company_code         char(6) check (company_code ~ '^[0-9]{6}$'),             -- コンビニ収納 企業コード
    payeasy_institution  char(5) check (payeasy_institution ~ '^[0-9]{5}$'),      -- Pay-easy 収納機関番号
    consignor_code       char(10) check (consignor_code ~ '^[0-9]{10}$'),         -- 口座振替 委託者コード
    consignor_name_kana  text,                                                    -- 委託者名 (half-width kana)
    bank_code            char(4) check (bank_code ~ '^[0-9]{4}$'),                -- 取引銀行番号
    bank_name_kana       text,
    branch_code          char(3) check (branch_code ~ '^[0-9]{3}$'),              -- 取引支店番号
    branch_name_kana     text,
    account_type         char(1) check (account_type ~ '^[0-9]$'),                -- 預金種目 (委託者)
    account_number       char(7) check (account_number ~ '^[0-9]{7}$'),           -- 口座番号 (委託者)
    primary key (municipality_code, code),
    unique (municipality_code, fund_number)
);

-- 納付番号 numbering: the last 15-digit base issued per municipality (a check digit follows, see docs).
create table payment_number_counter (
    municipality_code char(6) primary key references municipality (code),
    last_base         char(15) not null check (last_base ~ '^[0-9]{15}$')
);

-- 調定 — an amount assessed on a payer (宛名番号) for a fund and fiscal year.
create table payment_assessment (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    fund_code         text not null,
    fiscal_year       int not null check (fiscal_year between 1989 and 2200),
    assessment_number text not null check (assessment_number ~ '^[0-9A-Za-z-]{1,20}$'),   -- 調定番号
    atena_number      text not null check (atena_number ~ '^[0-9]{2,16}$'),                -- 宛名番号
    source            text not null check (source in ('office', 'csv', 'demo', 'api')),
    created_at        timestamptz not null default now(),
    created_by        text not null,
    unique (municipality_code, fund_code, fiscal_year, assessment_number),
    foreign key (municipality_code, fund_code) references payment_fund (municipality_code, code)
);
create index payment_assessment_payer on payment_assessment (municipality_code, atena_number);

-- 期別 — one installment of an assessment, with its slip numbers and its payment state.
create table payment_installment (
    id                     bigint generated always as identity primary key,
    municipality_code      char(6) not null references municipality (code),
    assessment_id          bigint not null references payment_assessment (id),
    fund_code              text not null,
    installment_no         int not null check (installment_no between 1 and 99),  -- 期別 (第n期)
    due_date               date not null,                                          -- 納期限
    effective_due_date     date not null,                                          -- 休日なら翌開庁日
    amount                 bigint not null check (amount > 0),
    payment_number         text not null check (payment_number ~ '^[0-9]{16}$'),     -- 納付番号
    payeasy_confirmation   char(4) not null check (payeasy_confirmation ~ '^[0-9]{4}$'), -- Pay-easy 確認番号
    el_institution_code    text,          -- eL番号: 共通納税機関コード (given by 地方税共同機構; not invented)
    el_case_key            text,          -- eL番号: 案件特定キー
    el_confirmation_number text,          -- eL番号: 確認番号
    el_item_number         text,          -- eL番号: 税目・料金番号
    state                  text not null default 'UNPAID'
        check (state in ('UNPAID', 'PENDING', 'PARTIALLY_PAID', 'PAID', 'CANCELLED')),
    paid_amount            bigint not null default 0,   -- confirmed (確報・郵便振替・口座振替・その他)
    pending_amount         bigint not null default 0,   -- 速報 not yet confirmed
    paid_on                date,                         -- last day money was received
    paid_channel           text,
    late                   boolean not null default false,   -- paid after the due date: 延滞金 to assess
    updated_at             timestamptz not null default now(),
    unique (municipality_code, payment_number),
    unique (assessment_id, installment_no),
    foreign key (municipality_code, fund_code) references payment_fund (municipality_code, code)
) with (fillfactor = 80);
create index payment_installment_due on payment_installment (municipality_code, fund_code, effective_due_date);

-- 口座振替 — a payer's registered bank account for a fund (from the 口座振替依頼書).
create table payment_debit_account (
    municipality_code char(6) not null references municipality (code),
    atena_number      text not null check (atena_number ~ '^[0-9]{2,16}$'),
    fund_code         text not null,
    bank_code         char(4) not null check (bank_code ~ '^[0-9]{4}$'),
    branch_code       char(3) not null check (branch_code ~ '^[0-9]{3}$'),
    account_type      char(1) not null check (account_type in ('1', '2', '3', '9')),
    account_number    char(7) not null check (account_number ~ '^[0-9]{7}$'),
    holder_kana       text not null,                 -- 預金者名, half-width kana as the bank has it
    first_requested   boolean not null default false, -- 新規コード 1 until the first request was sent
    primary key (municipality_code, atena_number, fund_code),
    foreign key (municipality_code, fund_code) references payment_fund (municipality_code, code)
);

-- 口座振替請求 — debit request files generated (the file itself is handed to the bank, not kept).
create table payment_debit_request (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    fund_code         text not null,
    debit_date        date not null,
    record_count      int not null,
    total_amount      bigint not null,
    sha256            char(64) not null,
    created_at        timestamptz not null default now(),
    created_by        text not null
);

-- An imported payment file. The hash makes the import of the same bytes a second time a no-op.
create table payment_import_file (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    format            text not null,
    file_name         text not null,
    sha256            char(64) not null,
    policy            text not null check (policy in ('ALL_OR_NOTHING', 'GOOD_LINES')),   -- format 'manual': a hand match
    imported_at       timestamptz not null default now(),
    imported_by       text not null,
    record_count      int not null default 0,
    applied_count     int not null default 0,
    quarantined_count int not null default 0,
    duplicate_count   int not null default 0,
    bad_line_count    int not null default 0,
    total_amount      bigint not null default 0,
    unique (municipality_code, sha256)
);

-- Lines of a file committed under the GOOD_LINES policy that were not imported, with the reason (never dropped).
create table payment_import_error (
    municipality_code char(6) not null references municipality (code),
    file_id           bigint not null references payment_import_file (id),
    line_no           int not null,
    reason            text not null,
    primary key (file_id, line_no)
);

-- One payment record as received (a line of a file, or a staff member's manual match), and what reconciliation
-- did with it. Never updated except outcome (a 速報 confirmed or cancelled, a quarantined record resolved).
-- No foreign keys on purpose: rows are written only by the set-based reconciliation, which takes file_id from the
-- import and installment_id from its join; per-row referential-integrity triggers would cost as much as the insert
-- itself at a million rows (see docs/payments.md, benchmark).
create table payment_record (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null,
    file_id           bigint not null,
    line_no           int not null,
    round             int not null default 1,
    record_key        uuid not null,     -- md5 of the record's identity: the same record twice is a duplicate
    txn_key           uuid not null,     -- md5 of the payment's identity: links 速報, 確報 and 取消 of one payment
    channel           text not null check (channel in ('CONVENIENCE_STORE', 'POSTAL_TRANSFER', 'DIRECT_DEBIT', 'AGENT')),
    kind              text not null check (kind in ('PRELIMINARY', 'CONFIRMED', 'CANCEL_PRELIMINARY', 'POSTAL',
                                                    'POSTAL_CORRECTION', 'DEBIT_RESULT', 'PAYMENT')),
    paid_on           date not null,
    paid_time         time,
    amount            bigint not null,
    reference         text not null,     -- the 納付番号 read from the record ('' when none)
    fund_number       text,              -- the 科目番号 read from the record, when it carries one
    barcode           char(44),
    agent_code        text,              -- コンビニ本部コード / 引落銀行番号 / agent id
    store_code        text,
    transfer_date     date,              -- 振込日
    result_code       char(1),           -- 振替結果コード (direct debit)
    installment_id    bigint,
    fund_code         text,
    outcome           text not null check (outcome in ('APPLIED', 'CONFIRMED', 'CANCELLED', 'CORRECTED',
                                                       'QUARANTINED', 'RESOLVED', 'DEBIT_FAILED')),
    reason            text,
    delta_paid        bigint not null default 0,
    delta_pending     bigint not null default 0,
    paid_after        bigint,            -- the installment's confirmed amount after this record
    pending_after     bigint,            -- its 速報 amount after this record
    state_after       text,              -- its state after this record
    refund_kind       text,              -- put on the refund list as (see payment_refund)
    refund_amount     bigint,
    days_after_due    int,
    late              boolean not null default false,
    matched_record_id bigint,            -- the 速報 this 確報/取消 settles, the 郵便振替 this 訂正 reverses
    manual_of         bigint,            -- for a manual match: the quarantined record it resolves
    recorded_at       timestamptz not null default now(),
    unique (municipality_code, record_key)
);
create index payment_record_txn on payment_record (municipality_code, txn_key) where kind in ('PRELIMINARY', 'POSTAL');
create index payment_record_file on payment_record (file_id, round);
create index payment_record_file_matched on payment_record (file_id, round) where matched_record_id is not null;
create index payment_record_file_refund on payment_record (file_id, round) where refund_kind is not null;
create index payment_record_installment on payment_record (installment_id);
create index payment_record_quarantine on payment_record (municipality_code, recorded_at) where outcome = 'QUARANTINED';
create index payment_record_day on payment_record (municipality_code, paid_on);

-- 過誤納・一部納付 — the refund list: over-, double and partial payments for the accounting staff to settle.
create table payment_refund (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    record_id         bigint not null references payment_record (id),
    installment_id    bigint not null references payment_installment (id),
    kind              text not null check (kind in ('OVERPAYMENT', 'DOUBLE_PAYMENT', 'PARTIAL_PAYMENT')),
    amount            bigint not null,     -- the excess to refund, or for a partial payment the shortfall
    status            text not null default 'OPEN' check (status in ('OPEN', 'SETTLED')),
    created_at        timestamptz not null default now()
);
create index payment_refund_open on payment_refund (municipality_code, created_at) where status = 'OPEN';

-- Dashboard events: one row per payment record, read by the dashboards (paid channel, days after the due date,
-- unmatched). A view over payment_record, evaluated with the caller's rights so row-level security applies.
create view payment_dashboard_event with (security_invoker = true) as
select r.municipality_code, r.recorded_at as occurred_at, r.id as record_id, r.file_id, r.channel, r.kind,
       r.fund_code, r.outcome, r.amount, r.paid_on, r.days_after_due, r.late,
       (r.outcome = 'QUARANTINED') as unmatched
from payment_record r;

alter table payment_fund enable row level security;
alter table payment_fund force row level security;
alter table payment_number_counter enable row level security;
alter table payment_number_counter force row level security;
alter table payment_assessment enable row level security;
alter table payment_assessment force row level security;
alter table payment_installment enable row level security;
alter table payment_installment force row level security;
alter table payment_debit_account enable row level security;
alter table payment_debit_account force row level security;
alter table payment_debit_request enable row level security;
alter table payment_debit_request force row level security;
alter table payment_import_file enable row level security;
alter table payment_import_file force row level security;
alter table payment_import_error enable row level security;
alter table payment_import_error force row level security;
alter table payment_record enable row level security;
alter table payment_record force row level security;
alter table payment_refund enable row level security;
alter table payment_refund force row level security;
create policy tenant_isolation on payment_fund
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_number_counter
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_assessment
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_installment
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_debit_account
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_debit_request
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_import_file
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_import_error
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_record
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on payment_refund
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update on payment_fund, payment_number_counter to ${app_role};
grant select, insert on payment_assessment to ${app_role};
grant select, insert, update on payment_installment to ${app_role};
grant select, insert, update (first_requested) on payment_debit_account to ${app_role};
grant select, insert on payment_debit_request, payment_import_error to ${app_role};
grant select, insert, update (record_count, applied_count, quarantined_count, duplicate_count, bad_line_count,
    total_amount) on payment_import_file to ${app_role};
grant select, insert, update (outcome) on payment_record to ${app_role};
grant select, insert, update (status) on payment_refund to ${app_role};
grant select on payment_dashboard_event to ${app_role};

-- The import stages each file with COPY into a temporary table (COPY FROM refuses tables under row-level security;
-- a temporary table is private to the session and gone at commit, so no other tenant can ever see staged rows).
do $$
begin
    execute format('grant temporary on database %I to %I', current_database(), '${app_role}');
end $$;
