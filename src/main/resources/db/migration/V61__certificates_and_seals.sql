-- 証明書の交付 (jp.madoguchi.certificate): 印鑑登録, 本人通知制度, DV等支援措置, issued certificates and refusals.
-- Names and addresses of residents are not copied here: persons are named by 宛名番号; the issued PDF itself is kept
-- (it is what the public verification page shows and compares).

-- 印鑑登録 — one active registration per person (印鑑登録証明事務処理要領).
create table seal_registration (
    municipality_code   char(6) not null references municipality (code),
    registration_number bigint not null,                     -- 印鑑登録番号
    atena_number        text not null check (atena_number ~ '^[0-9]{2,16}$'),
    card_number         text not null check (card_number ~ '^[0-9A-Z]{4,16}$'),  -- 印鑑登録証 (カード) の番号
    image               bytea not null,                      -- the seal impression (PNG or JPEG, checked by content)
    image_type          text not null check (image_type in ('image/png', 'image/jpeg')),
    image_sha256        bytea not null,
    state               text not null check (state in ('REGISTERED', 'ABOLISHED')),
    registered_at       timestamptz not null default now(),
    registered_by       text not null,
    abolished_at        timestamptz,
    abolish_reason      text,
    primary key (municipality_code, registration_number)
);
create unique index seal_registration_one_active on seal_registration (municipality_code, atena_number)
    where state = 'REGISTERED';
create unique index seal_registration_card on seal_registration (municipality_code, card_number)
    where state = 'REGISTERED';

-- Every change of a registration, appended (登録・変更・廃止); never updated or deleted.
create table seal_registration_event (
    municipality_code   char(6) not null references municipality (code),
    id                  bigint generated always as identity,
    registration_number bigint not null,
    atena_number        text not null,
    kind                text not null check (kind in ('REGISTERED', 'CARD_CHANGED', 'ABOLISHED')),
    card_number         text,
    image_sha256        bytea,
    reason              text,
    occurred_at         timestamptz not null default now(),
    actor               text not null,
    primary key (municipality_code, id)
);

-- 本人通知制度 — residents told when a third party obtains their certificate.
create table personal_notification (
    municipality_code char(6) not null references municipality (code),
    atena_number      text not null check (atena_number ~ '^[0-9]{2,16}$'),
    email             text not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    registered_on     date not null,
    ended_on          date,
    primary key (municipality_code, atena_number)
);

-- DV等支援措置 (住民基本台帳事務処理要領 第5-10): the protected person and whom issuance is refused to.
create table support_measure (
    municipality_code   char(6) not null references municipality (code),
    id                  bigint generated always as identity,
    protected_atena     text not null check (protected_atena ~ '^[0-9]{2,16}$'),
    all_third_parties   boolean not null,            -- refuse every 第三者・職務上請求 and agent
    restricted_name     text,                        -- 加害者 as named in the application (氏名), or null
    restricted_birth    date,
    restricted_atena    text,                        -- when the restricted party is in this register
    valid_from          date not null,
    valid_to            date not null,               -- 1 year, extendable
    recorded_at         timestamptz not null default now(),
    check (all_third_parties or restricted_name is not null or restricted_atena is not null),
    check (valid_to >= valid_from),
    primary key (municipality_code, id)
);
create index support_measure_protected on support_measure (municipality_code, protected_atena);

-- 発行番号 — a serial per municipality and calendar year.
create table certificate_number_counter (
    municipality_code char(6) not null references municipality (code),
    year              int not null,
    last_number       int not null,
    primary key (municipality_code, year)
);

-- Issued certificates (交付記録). State machine: ISSUED → REVOKED | SUPERSEDED (CertificateState).
create table certificate_issuance (
    municipality_code   char(6) not null references municipality (code),
    id                  bigint generated always as identity,
    issue_number        text not null,                -- 発行番号, e.g. 2026-000123
    certificate_type    text not null,
    subject_atena       text not null,
    member_atenas       text[] not null,
    items               text[] not null,              -- optional items printed
    request_type        text not null,
    requester_name      text,                         -- 請求者 (a third party's name is needed for 本人通知 disclosure)
    requester_address   text,
    purpose_category    text,
    purpose_text        text,
    profession          text,
    profession_number   text,                         -- 職務上請求: 登録番号
    proxy_letter        boolean not null default false,  -- 委任状を確認した
    legal_basis         text not null,
    channel             text not null,
    copies              int not null check (copies between 1 and 20),
    fee_per_copy        int not null check (fee_per_copy >= 0),
    fee_total           int not null check (fee_total >= 0),
    payment_method      text not null check (payment_method in ('CASH', 'CASHLESS', 'POSTAL_ORDER', 'EXEMPT')),
    postal_order_number text,                         -- 定額小為替の記号番号
    verification_hash   bytea not null,               -- SHA-256 of the verification code (the code is not stored)
    pdf                 bytea not null,
    pdf_sha256          bytea not null,
    state               text not null check (state in ('ISSUED', 'REVOKED', 'SUPERSEDED')),
    state_reason        text,
    superseded_by       bigint,
    issued_at           timestamptz not null default now(),
    issued_by           text not null,
    primary key (municipality_code, id),
    unique (municipality_code, issue_number)
);
create unique index certificate_issuance_code on certificate_issuance (verification_hash);
create index certificate_issuance_pdf on certificate_issuance (pdf_sha256);
create index certificate_issuance_day on certificate_issuance (municipality_code, issued_at);

-- Refused requests (DV restriction, no legitimate purpose, moved-out person, no seal …), for staff and audit.
create table certificate_refusal (
    municipality_code char(6) not null references municipality (code),
    id                bigint generated always as identity,
    certificate_type  text not null,
    subject_atena     text not null,
    request_type      text not null,
    channel           text not null,
    reason_code       text not null,
    reason            text not null,
    refused_at        timestamptz not null default now(),
    refused_by        text not null,
    primary key (municipality_code, id)
);

alter table seal_registration enable row level security;
alter table seal_registration force row level security;
alter table seal_registration_event enable row level security;
alter table seal_registration_event force row level security;
alter table personal_notification enable row level security;
alter table personal_notification force row level security;
alter table support_measure enable row level security;
alter table support_measure force row level security;
alter table certificate_number_counter enable row level security;
alter table certificate_number_counter force row level security;
alter table certificate_issuance enable row level security;
alter table certificate_issuance force row level security;
alter table certificate_refusal enable row level security;
alter table certificate_refusal force row level security;
create policy tenant_isolation on seal_registration
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on seal_registration_event
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on personal_notification
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on support_measure
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on certificate_number_counter
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on certificate_issuance
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on certificate_refusal
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update (card_number, state, abolished_at, abolish_reason) on seal_registration to ${app_role};
grant select, insert on seal_registration_event to ${app_role};
grant select, insert, update (email, ended_on) on personal_notification to ${app_role};
grant select, insert, update (valid_to) on support_measure to ${app_role};
grant select, insert, update (last_number) on certificate_number_counter to ${app_role};
grant select, insert, update (state, state_reason, superseded_by) on certificate_issuance to ${app_role};
grant select, insert on certificate_refusal to ${app_role};
