-- 利用調整基準の編集 — a municipality edits a round's points table, tie-break order and settings on screen or by CSV
-- (docs/nursery.md, "利用調整基準"). The rules stay data of the round (V70); what changes here is that the application
-- may now replace them while the round has no published run: the round's settings are updated, its points items and
-- tie-break rules are deleted and inserted again in one transaction. Runs are not touched: each keeps the snapshot of
-- the rules it ran on (nursery_run.input).

alter table nursery_round add column rules_updated_at timestamptz;   -- last change of the rules after creation
alter table nursery_round add column rules_updated_by text;          -- who made it (staff display name)

grant update (base_index_rule, absent_guardian_points, max_preferences, rules_updated_at, rules_updated_by)
    on nursery_round to ${app_role};
grant delete on nursery_points_item, nursery_tie_break to ${app_role};
