-- Register items that certificates print and the register mirror did not keep yet (住民基本台帳法第7条):
-- 本籍・筆頭者, 住民票コード, 成年被後見人 (for 印鑑登録), and the 個人番号, which is kept apart and encrypted.
-- Read only through ResidentRegister (the audited path). 住民状態 / 異動事由 (転出者, 死亡者) already exist in
-- resident_record (V2, V3): a 除票 is the last record of a person whose status is not 住登者.

create table resident_certificate_item (
    municipality_code char(6) not null references municipality (code),
    atena_number      text not null check (atena_number ~ '^[0-9]{2,16}$'),
    domicile          text,                                  -- 本籍 (Japanese residents only)
    domicile_head     text,                                  -- 筆頭者の氏名
    juminhyo_code     char(11) check (juminhyo_code ~ '^[0-9]{11}$'),  -- 住民票コード (10 digits + check digit)
    adult_ward        boolean not null default false,        -- 成年被後見人 (登記事項証明書で確認した事実)
    recorded_at       timestamptz not null default now(),
    recorded_by       text not null,
    primary key (municipality_code, atena_number)
);
create unique index resident_certificate_item_juminhyo_code
    on resident_certificate_item (municipality_code, juminhyo_code) where juminhyo_code is not null;

-- 個人番号: AES-256-GCM ciphertext (12-byte nonce || ciphertext || tag) with the municipality code and 宛名番号 as
-- associated data, so a ciphertext copied onto another person's row does not decrypt. The key is not in the database.
create table resident_my_number (
    municipality_code char(6) not null references municipality (code),
    atena_number      text not null check (atena_number ~ '^[0-9]{2,16}$'),
    key_id            text not null,
    ciphertext        bytea not null,
    recorded_at       timestamptz not null default now(),
    recorded_by       text not null,
    primary key (municipality_code, atena_number)
);

alter table resident_certificate_item enable row level security;
alter table resident_certificate_item force row level security;
alter table resident_my_number enable row level security;
alter table resident_my_number force row level security;
create policy tenant_isolation on resident_certificate_item
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
create policy tenant_isolation on resident_my_number
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());

grant select, insert, update (domicile, domicile_head, juminhyo_code, adult_ward, recorded_at, recorded_by)
    on resident_certificate_item to ${app_role};
grant select, insert, update (key_id, ciphertext, recorded_at, recorded_by) on resident_my_number to ${app_role};
