-- Code tables of the resident register (住民記録). Values follow the standard's 基本データリスト where the
-- primer (docs/domain.md §4) quotes them; rows whose source says 'madoguchi' are this project's own codes and are
-- to be replaced by the official list where it defines one.
insert into code_table_entry (table_id, code, label, sort_order, source) values
    ('resident_type', '1', '日本人住民', 1, '住民記録システム標準仕様書 基本データリスト'),
    ('resident_type', '2', '外国人住民', 2, '住民記録システム標準仕様書 基本データリスト'),
    ('resident_status', '1', '住登者', 1, '住民記録システム標準仕様書 基本データリスト'),
    ('resident_status', '2', '転出者', 2, 'madoguchi'),
    ('resident_status', '3', '死亡者', 3, 'madoguchi'),
    ('resident_status', '9', 'その他消除者', 9, 'madoguchi'),
    ('sex', '1', '男', 1, 'JIS X 0303 / 住民記録システム標準仕様書'),
    ('sex', '2', '女', 2, 'JIS X 0303 / 住民記録システム標準仕様書'),
    ('sex', '9', '不明', 9, 'JIS X 0303'),
    ('change_reason', 'birth', '出生', 1, 'madoguchi'),
    ('change_reason', 'move_in', '転入', 2, 'madoguchi'),
    ('change_reason', 'move_within', '転居', 3, 'madoguchi'),
    ('change_reason', 'move_out', '転出', 4, 'madoguchi'),
    ('change_reason', 'death', '死亡', 5, 'madoguchi'),
    ('change_reason', 'household_change', '世帯変更', 6, 'madoguchi'),
    ('change_reason', 'correction', '職権修正', 7, 'madoguchi'),
    ('change_reason', 'initial', '初期登録（移行）', 8, 'madoguchi');
