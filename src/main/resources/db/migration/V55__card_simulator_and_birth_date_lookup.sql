-- Card module (docs/card.md).

-- 生年月日による照合: the register is searched by birth day when a My Number Card is matched to it (the card carries
-- no 氏名カナ). ResidentRegister.searchByBirthDate filters on birth_date_sort.
create index resident_record_birth_date on resident_record (municipality_code, birth_date_sort)
    where superseded_at is null;
