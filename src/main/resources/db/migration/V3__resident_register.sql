-- 住民記録 — the resident register mirror. History is kept, not overwritten: a change appends a record with the
-- next 履歴番号 and marks the previous one superseded; a trigger refuses any other update.

-- 町丁目 — town areas of the municipality.
create table town_area (
    municipality_code char(6) not null references municipality (code),
    code              text not null,
    name              text not null,
    kana              text not null,
    primary key (municipality_code, code)
);

-- 世帯 — households. The members and the address are on each member's record.
create table household (
    municipality_code char(6) not null references municipality (code),
    household_number  text not null check (household_number ~ '^[0-9]{2,16}$'),
    created_at        timestamptz not null default now(),
    primary key (municipality_code, household_number)
);

create table resident_record (
    municipality_code    char(6) not null references municipality (code),
    atena_number         text not null check (atena_number ~ '^[0-9]{2,16}$'),   -- 宛名番号 (with check digit)
    history_number       int not null check (history_number >= 1),               -- 履歴番号
    household_number     text not null,                                          -- 世帯番号
    relationship         text not null,                                          -- 続柄, as written in the register
    resident_type_code   text not null,                                          -- 住民種別
    resident_status_code text not null,                                          -- 住民状態
    family_name          text not null,
    given_name           text not null,
    name_kana            text not null,                                          -- 氏名カナ (full-width katakana)
    name_kana_key        text not null,                                          -- search key (kit Kana.searchKey)
    alias                text,                                                   -- 通称 (foreign residents)
    alias_kana           text,
    alias_kana_key       text,
    nationality          text,                                                   -- 国籍・地域 (foreign residents)
    birth_date_code      text not null,                                          -- kit RegisterDate code
    birth_date_sort      int not null,                                           -- kit RegisterDate sort key
    sex_code             text not null,                                          -- 性別
    town_area_code       text not null,
    address_detail       text not null,
    moved_date           date not null,                                          -- 異動年月日
    change_reason_code   text not null,                                          -- 異動事由
    recorded_at          timestamptz not null default now(),
    recorded_by          text not null,
    superseded_at        timestamptz,
    primary key (municipality_code, atena_number, history_number),
    foreign key (municipality_code, household_number) references household (municipality_code, household_number),
    foreign key (municipality_code, town_area_code) references town_area (municipality_code, code)
);
create unique index resident_record_current on resident_record (municipality_code, atena_number)
    where superseded_at is null;
create index resident_record_kana on resident_record (municipality_code, name_kana_key text_pattern_ops)
    where superseded_at is null;
create index resident_record_alias_kana on resident_record (municipality_code, alias_kana_key text_pattern_ops)
    where superseded_at is null and alias_kana_key is not null;
create index resident_record_household on resident_record (municipality_code, household_number)
    where superseded_at is null;

create function resident_record_keep_history() returns trigger
    language plpgsql as $$
begin
    if (to_jsonb(new) - 'superseded_at') is distinct from (to_jsonb(old) - 'superseded_at')
       or old.superseded_at is not null then
        raise exception '住民記録の履歴は書き換えられません（新しい履歴番号で追加してください）'
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger resident_record_keep_history before update on resident_record
    for each row execute function resident_record_keep_history();
create trigger resident_record_no_delete before delete on resident_record
    for each row execute function resident_record_keep_history();

alter table town_area enable row level security;
alter table household enable row level security;
alter table resident_record enable row level security;
create policy tenant_isolation on town_area
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on household
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on resident_record
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert on town_area, household to ${app_role};
grant select, insert, update (superseded_at) on resident_record to ${app_role};
