-- The activity list counts and pages a scope's records. Both indexes now carry what the usual list needs (path,
-- start, id, status), so counts and the choice of a page's ids are answered from the index alone (index-only scans)
-- instead of visiting one heap page per record: the county list over 1 M activities went from a bitmap heap scan
-- of ~8,700 pages to an index-only scan (see docs/PERFORMANCE.md).
drop index activity_path_start_idx;
drop index activity_start_idx;
create index activity_path_start_idx on activity (division_path text_pattern_ops, starts_at, id) include (status);
create index activity_start_idx on activity (starts_at, id) include (division_path, status);
