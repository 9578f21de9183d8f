-- 保育所利用調整 — nursery admission matching (issue 8; docs/nursery.md): admission rounds with the municipality's
-- points table and tie-break rules as data, facilities and their seats per age class, the applications (families,
-- children, guardians' circumstances, preferences, sibling options, transfers and enrolled children), CSV imports with
-- their quarantined rows, and runs kept with the exact input they ran on (a JSON snapshot), their placements and
-- explanations, and the one published run of a round.
--
-- Personal data kept here: children's and guardians' names, birth dates, the address letters are sent to, income
-- (所得割額) and the circumstances behind the points. Tenant-isolated by row-level security like every tenant table.

-- 利用調整の回 — a round: 4月一斉 (admission month April) or a monthly 途中入所.
create table nursery_round (
    id                     bigint generated always as identity primary key,
    municipality_code      char(6) not null references municipality (code),
    admission_month        date not null check (extract(day from admission_month) = 1),   -- 入所月 (its first day)
    kind                   text not null generated always as
                               (case when extract(month from admission_month) = 4 then 'APRIL' else 'MONTHLY' end) stored,
    -- 年齢の基準日: age classes are the age on April 1 of the admission month's fiscal year (a 途中入所 in January
    -- keeps the April class), as the engine computes it (kit SchoolYear.ageOnApril1).
    age_reference_date     date not null check (age_reference_date = make_date(
                               extract(year from admission_month - interval '3 months')::int, 4, 1)),
    name                   text not null check (length(name) between 1 and 60),
    base_index_rule        text not null check (base_index_rule in ('LOWER_OF_GUARDIANS', 'SUM_OF_GUARDIANS')),
    absent_guardian_points int not null check (absent_guardian_points between 0 and 100),
    max_preferences        int not null check (max_preferences between 1 and 20),
    created_at             timestamptz not null default now(),
    created_by             text not null,
    unique (municipality_code, admission_month),
    unique (id, municipality_code)
);

-- 指数表 — the round's points table: 基準指数 items (per guardian) and 調整指数 items, as data.
create table nursery_points_item (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    kind              text not null check (kind in ('BASE', 'ADJUSTMENT')),
    code              text not null check (code ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    category          text not null check (length(category) between 1 and 20),
    label             text not null check (length(label) between 1 and 80),
    points            int not null check (points between -100 and 100),
    position          int not null,
    primary key (round_id, kind, code),
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code)
);

-- 同点時の優先順位 — the ordered tie-break rules of a round (受付番号 always applies last).
create table nursery_tie_break (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    position          int not null check (position >= 1),
    rule              text not null check (rule in ('HIGHER_BASE_INDEX', 'SINGLE_PARENT', 'LOWER_INCOME',
                          'LONGER_WAITING', 'MORE_CHILDREN_APPLYING', 'YOUNGER_CHILD', 'LOTTERY', 'APPLICATION_NUMBER')),
    primary key (round_id, position),
    unique (round_id, rule),
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code)
);

-- 保育施設 — the municipality's facilities (names); seats are per round.
create table nursery_facility (
    municipality_code char(6) not null references municipality (code),
    code              text not null check (code ~ '^[0-9A-Za-z_-]{1,20}$'),   -- 施設番号
    name              text not null check (length(name) between 1 and 60),
    primary key (municipality_code, code)
);

-- 受入可能数 — seats open to the round's applicants per facility and age class (enrolled children not counted). No
-- row: the facility has no such class (小規模保育: 0–2歳児 only); 0: the class exists but takes no one this round.
create table nursery_seat (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    facility_code     text not null,
    age_class         int not null check (age_class between 0 and 5),
    seats             int not null check (seats >= 0),
    primary key (round_id, facility_code, age_class),
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code),
    foreign key (municipality_code, facility_code) references nursery_facility (municipality_code, code)
);

-- 申込世帯 — a household applying in a round.
create table nursery_family (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    code              text not null check (code ~ '^[0-9A-Za-z_-]{1,20}$'),   -- 世帯の受付番号
    guardian1         text not null,                                         -- 基準指数の項目コード
    guardian2         text,                                                  -- null: ひとり親 (no second guardian)
    adjustments       text[] not null default '{}',                          -- 世帯の調整指数の項目コード
    sibling_option    text not null check (sibling_option in ('ANY', 'SAME_FACILITY_ONLY', 'ALL_OR_NONE', 'YOUNGER_FIRST')),
    income            bigint check (income >= 0),                            -- 市町村民税所得割額 (null: unknown)
    waiting_months    int not null check (waiting_months >= 0),              -- 待機月数
    lottery_number    int not null,                                          -- 抽選番号
    guardian_name     text,                                                  -- 通知書の宛名
    address           text,                                                  -- 通知書の送付先
    content_hash      char(64) not null,   -- SHA-256 of the family's imported content: re-importing it changes nothing
    import_id         bigint,
    updated_at        timestamptz not null default now(),
    primary key (round_id, code),
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code)
);

-- 申込児童 — a child of a family: 新規 (NEW), 転園 (TRANSFER: holds a seat at current_facility that frees up if it
-- moves) or 在園 (ENROLLED: keeps its seat at current_facility and is not allocated; recorded with its family).
create table nursery_child (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    code              text not null check (code ~ '^[0-9A-Za-z_-]{1,20}$'),   -- 児童の受付番号
    family_code       text not null,
    position          int not null,                                          -- order within the family
    name              text,
    birth_date        date not null,
    kind              text not null check (kind in ('NEW', 'TRANSFER', 'ENROLLED')),
    current_facility  text,
    adjustments       text[] not null default '{}',                          -- 児童ごとの調整指数の項目コード
    primary key (round_id, code),
    foreign key (round_id, family_code) references nursery_family (round_id, code) on delete cascade,
    foreign key (municipality_code, current_facility) references nursery_facility (municipality_code, code),
    check ((kind = 'NEW') = (current_facility is null))
);

-- 希望施設 — a child's ranked preferences (1 = 第1希望).
create table nursery_preference (
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    child_code        text not null,
    rank              int not null check (rank between 1 and 20),
    facility_code     text not null,
    primary key (round_id, child_code, rank),
    foreign key (round_id, child_code) references nursery_child (round_id, code) on delete cascade,
    foreign key (municipality_code, facility_code) references nursery_facility (municipality_code, code)
);

-- A committed CSV import. The hash makes importing the same bytes again a no-op; the content hash of each family
-- and the natural keys make a re-import of the same rows change nothing even from another file.
create table nursery_import (
    id                bigint generated always as identity primary key,
    municipality_code char(6) not null references municipality (code),
    round_id          bigint not null,
    kind              text not null check (kind in ('FACILITIES', 'APPLICATIONS')),
    file_name         text not null,
    sha256            char(64) not null,
    charset           text not null,
    policy            text not null check (policy in ('ALL_OR_NOTHING', 'GOOD_ROWS')),
    row_count         int not null,
    created_count     int not null,
    updated_count     int not null,
    unchanged_count   int not null,
    quarantined_count int not null,
    imported_at       timestamptz not null default now(),
    imported_by       text not null,
    unique (round_id, kind, sha256),
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code)
);

-- Rows of an import committed under GOOD_ROWS that were not imported: each problem with its row, column and reason,
-- and the row as read (never dropped silently).
create table nursery_import_problem (
    municipality_code char(6) not null references municipality (code),
    import_id         bigint not null references nursery_import (id),
    seq               int not null,
    row_no            int not null,
    column_name       text,
    message           text not null,
    raw               text,
    primary key (import_id, seq)
);

-- 利用調整の実行 — one run of a round, with the input it ran on (never updated), the manual fixes it honoured, and
-- its outcome. States and transitions: RunState in the code (QUEUED → RUNNING → FINISHED | FAILED; FINISHED ⇄
-- PUBLISHED).
create table nursery_run (
    id                 bigint generated always as identity primary key,
    municipality_code  char(6) not null references municipality (code),
    round_id           bigint not null,
    mode               text not null check (mode in ('BASELINE', 'OPTIMAL')),
    state              text not null check (state in ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'PUBLISHED')),
    time_limit_seconds int check (time_limit_seconds between 1 and 3600),
    workers            int,
    parent_run_id      bigint references nursery_run (id),       -- the run whose input a re-run with fixes reused
    input              jsonb not null,                           -- the snapshot of the model (InstanceSnapshot)
    input_sha256       char(64) not null,
    fixed              jsonb not null default '[]',              -- placements fixed by hand: [{child, facility}]
    children           int not null,
    proof_status       text,
    placed             int,
    newly_admitted     int,
    transfers_moved    int,
    stable             boolean,
    proven_no_stable   boolean,
    blockings          jsonb,                                    -- blocking pairs/coalitions that remain
    solver_stats       text,
    allocation_millis  double precision,
    failure            text,                                     -- why a run failed (Japanese, no personal data)
    created_at         timestamptz not null default now(),
    created_by         text not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    published_at       timestamptz,
    published_by       text,
    foreign key (round_id, municipality_code) references nursery_round (id, municipality_code)
);
create index nursery_run_round on nursery_run (municipality_code, round_id, id);
-- at most one published run per round
create unique index nursery_run_one_published on nursery_run (municipality_code, round_id) where state = 'PUBLISHED';

-- 調整結果 — one child's placement in a run and its explanation.
create table nursery_placement (
    municipality_code char(6) not null references municipality (code),
    run_id            bigint not null references nursery_run (id),
    position          int not null,                 -- the child's order in the run's input
    child_code        text not null,
    family_code       text not null,
    age_class         int not null check (age_class between 0 and 5),
    score             int not null,                 -- 指数
    priority          int not null,                 -- 優先順位 (1 = first)
    facility_code     text,                         -- null: 保留 (a transfer applicant stays where it is)
    preference        int not null,                 -- 第n希望, 0 when not placed
    transfer          boolean not null,
    fixed             boolean not null,             -- placed (or left unplaced) by hand
    summary           text not null,
    reasons           text[] not null,              -- one sentence per choice above the placement
    primary key (run_id, child_code)
);

alter table nursery_round enable row level security;
alter table nursery_round force row level security;
alter table nursery_points_item enable row level security;
alter table nursery_points_item force row level security;
alter table nursery_tie_break enable row level security;
alter table nursery_tie_break force row level security;
alter table nursery_facility enable row level security;
alter table nursery_facility force row level security;
alter table nursery_seat enable row level security;
alter table nursery_seat force row level security;
alter table nursery_family enable row level security;
alter table nursery_family force row level security;
alter table nursery_child enable row level security;
alter table nursery_child force row level security;
alter table nursery_preference enable row level security;
alter table nursery_preference force row level security;
alter table nursery_import enable row level security;
alter table nursery_import force row level security;
alter table nursery_import_problem enable row level security;
alter table nursery_import_problem force row level security;
alter table nursery_run enable row level security;
alter table nursery_run force row level security;
alter table nursery_placement enable row level security;
alter table nursery_placement force row level security;
create policy tenant_isolation on nursery_round
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_points_item
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_tie_break
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_facility
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_seat
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_family
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_child
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_preference
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_import
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_import_problem
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_run
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on nursery_placement
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

-- Rounds, their rules and facility names are created, never deleted. Seats and applications are replaced by
-- re-imports (delete + insert of one facility's or one family's rows). Imports and their problems are appended. A
-- run's input and fixes are never updated (only its state and outcome columns); placements are appended.
grant select, insert on nursery_round, nursery_points_item, nursery_tie_break to ${app_role};
grant select, insert, update (name) on nursery_facility to ${app_role};
grant select, insert, delete on nursery_seat to ${app_role};
grant select, insert, delete on nursery_family, nursery_child, nursery_preference to ${app_role};
grant select, insert on nursery_import, nursery_import_problem to ${app_role};
grant select, insert on nursery_run to ${app_role};
grant update (state, proof_status, placed, newly_admitted, transfers_moved, stable, proven_no_stable, blockings,
    solver_stats, allocation_millis, failure, started_at, finished_at, published_at, published_by) on nursery_run
    to ${app_role};
grant select, insert on nursery_placement to ${app_role};
