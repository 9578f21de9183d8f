-- 来庁予約: services linked to the procedure catalog, and a version per service for per-row editing
-- (docs/reservations.md).
--
-- A service names the catalog procedures it serves (replacing the single free-text procedure_code of V40); what to
-- bring is then taken from the catalog in force. The version column makes an edit of one service fail loudly when
-- another administrator saved it in between (optimistic locking).

create table reservation_service_procedure (
    municipality_code char(6) not null,
    service_code      text not null,
    procedure_code    text not null check (procedure_code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    position          int not null default 0,
    primary key (municipality_code, service_code, procedure_code),
    foreign key (municipality_code, service_code) references reservation_service (municipality_code, code)
        on delete cascade
);

alter table reservation_service_procedure enable row level security;
alter table reservation_service_procedure force row level security;
create policy tenant_isolation on reservation_service_procedure
    using (municipality_code = current_tenant()) with check (municipality_code = current_tenant());
grant select, insert, update, delete on reservation_service_procedure to ${app_role};

-- Carry over the free-text codes already entered (RLS is forced for the owner too: one municipality at a time).
do $$
declare
    m record;
begin
    for m in select code from municipality loop
        perform set_config('madoguchi.tenant', m.code, true);
        insert into reservation_service_procedure (municipality_code, service_code, procedure_code)
        select municipality_code, code, lower(btrim(procedure_code)) from reservation_service
        where procedure_code is not null and lower(btrim(procedure_code)) ~ '^[a-z0-9][a-z0-9-]{0,63}$'
        on conflict do nothing;
    end loop;
    perform set_config('madoguchi.tenant', '', true);
end $$;

alter table reservation_service drop column procedure_code;

alter table reservation_service add column version int not null default 0;
