-- The catalog version a case was submitted under: the office shows a case with the labels, steps and checks of the
-- form the resident (or the counter) actually filled, not of a later version. Cases submitted before this migration
-- have none and are shown with the form in force.
alter table application_case add column catalog_version_id bigint references catalog_version (id);
