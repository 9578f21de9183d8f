-- A published or discarded catalog version is complete: no file may be added to it either (V4 guarded only
-- updates and deletes). Drafts take new files as before; importing the default inserts into a draft and then
-- publishes it.
create function catalog_file_only_into_drafts() returns trigger
    language plpgsql as $$
begin
    if (select status from catalog_version where id = new.version_id) <> 'draft' then
        raise exception '公開済み・破棄済みのカタログ版にはファイルを追加できません' using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger catalog_file_only_into_drafts before insert on catalog_file
    for each row execute function catalog_file_only_into_drafts();
