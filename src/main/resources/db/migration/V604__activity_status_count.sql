-- Record counts by status for the activity list (DESIGN §4). The list's "共 N 条" was a count(*) over the ledger:
-- for a county with tens of thousands of records in a year it was the larger half of the page's database time.
-- For the usual list (a division subtree, whole months, optionally one status) the count is a sum over these rows.
--
--   area_level 3: the record's division path cut to at most 3 segments (its county, or its own division when it
--                 sits above county level);
--   area_level 4: the path cut to at most 4 segments (its township).
--   month:        calendar month of starts_at in Asia/Shanghai; status: every status, drafts included.
--
-- Writers never update these rows: one statement-level trigger per operation appends the statement's net change,
-- grouped (one row per area, month and status; an import of 100,000 drafts appends a few hundred rows), to
-- activity_status_count_delta. ActivitySummaryCheck folds the deltas in every few seconds together with the
-- dashboard summary, and readers add the pending deltas, so counts are exact at once. The nightly check compares
-- the rows with the ledger (view activity_status_count_expected) and repairs them.
create table activity_status_count (
    area_level  smallint         not null check (area_level in (3, 4)),
    area_path   text collate "C" not null,
    month       date             not null,
    status      varchar(20)      not null,
    activities  bigint           not null,
    primary key (area_level, area_path, month, status)
);

create table activity_status_count_delta (
    area_level  smallint         not null,
    area_path   text collate "C" not null,
    month       date             not null,
    status      varchar(20)      not null,
    activities  bigint           not null
);

-- The path cut to at most its first four (township) or three (county) segments; shorter paths stay whole.
create function activity_township_of(p text) returns text
    language sql immutable parallel safe as
$fn$ select left(p, length(split_part(p, '/', 1)) + length(split_part(p, '/', 2)) + length(split_part(p, '/', 3))
                    + length(split_part(p, '/', 4)) + 3) $fn$;

create function activity_county_of(p text) returns text
    language sql immutable parallel safe as
$fn$ select left(p, length(split_part(p, '/', 1)) + length(split_part(p, '/', 2)) + length(split_part(p, '/', 3))
                    + 2) $fn$;

-- Appends the statement's net change: rows of new_rows count +1, rows of old_rows -1. Every row's path is cut to its
-- township with split_part (about 0.5 µs a row), the rows are grouped by township, month and status, and the county
-- rows are summed from the township groups. (Grouping by village first and cutting with string_to_array took 0.46 s
-- instead of 0.18 s for 100,000 rows spread over a province's 20,000 villages.) An update appends only rows whose
-- division, start or status changed: editing a title appends nothing. The transition tables are read directly (no
-- arrays of whole rows), so a COPY of 100,000 rows costs one grouping pass. The check view below cuts paths with the
-- array functions, so the nightly check compares two independent computations.
create function activity_status_count_on_change() returns trigger
    language plpgsql as $fn$
begin
    if tg_op = 'INSERT' then
        with t as (
            select activity_township_of(division_path) p,
                   date_trunc('month', starts_at at time zone 'Asia/Shanghai')::date m, status, count(*) n
            from new_rows group by 1, 2, 3)
        insert into activity_status_count_delta (area_level, area_path, month, status, activities)
        select 4::smallint, p, m, status, n from t
        union all
        select 3::smallint, activity_county_of(p), m, status, sum(n) from t group by 2, 3, 4;
    elsif tg_op = 'DELETE' then
        with t as (
            select activity_township_of(division_path) p,
                   date_trunc('month', starts_at at time zone 'Asia/Shanghai')::date m, status, -count(*) n
            from old_rows group by 1, 2, 3)
        insert into activity_status_count_delta (area_level, area_path, month, status, activities)
        select 4::smallint, p, m, status, n from t
        union all
        select 3::smallint, activity_county_of(p), m, status, sum(n) from t group by 2, 3, 4;
    else
        with t as (
            select activity_township_of(r.division_path) p,
                   date_trunc('month', r.starts_at at time zone 'Asia/Shanghai')::date m, r.status, sum(r.f) n
            from (select o.division_path od, o.starts_at os, o.status ost, n.division_path nd, n.starts_at ns,
                         n.status nst
                  from old_rows o join new_rows n on n.id = o.id) c
                 cross join lateral (values (c.od, c.os, c.ost, -1), (c.nd, c.ns, c.nst, 1))
                     r(division_path, starts_at, status, f)
            where (c.od, c.os, c.ost) is distinct from (c.nd, c.ns, c.nst)
            group by 1, 2, 3 having sum(r.f) <> 0)
        insert into activity_status_count_delta (area_level, area_path, month, status, activities)
        select 4::smallint, p, m, status, n from t
        union all
        select 3::smallint, activity_county_of(p), m, status, sum(n) from t group by 2, 3, 4 having sum(n) <> 0;
    end if;
    return null;
end
$fn$;

create trigger activity_status_count_ins after insert on activity
    referencing new table as new_rows for each statement execute function activity_status_count_on_change();
create trigger activity_status_count_upd after update on activity
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_status_count_on_change();
create trigger activity_status_count_del after delete on activity
    referencing old table as old_rows for each statement execute function activity_status_count_on_change();

-- What activity_status_count must hold, recomputed from all activities (the nightly check and the initial fill).
create view activity_status_count_expected as
select l.lvl area_level, l.p area_path, b.m "month", b.status, count(*)::bigint activities
from (select a.division_path, date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m, a.status
      from activity a) b
cross join lateral (values
    (3::smallint, array_to_string((string_to_array(b.division_path, '/'))[1:3], '/') collate "C"),
    (4::smallint, array_to_string((string_to_array(b.division_path, '/'))[1:4], '/') collate "C")) l(lvl, p)
group by 1, 2, 3, 4;

-- Moves the pending deltas into activity_status_count; returns how many delta rows were folded. Deltas written
-- after the statement's snapshot stay for the next run; concurrent runs cannot fold a delta twice.
create function activity_status_count_fold() returns bigint
    language plpgsql as $fn$
declare
    folded bigint;
begin
    with d as (delete from activity_status_count_delta returning *),
    ins as (
        insert into activity_status_count as s (area_level, area_path, month, status, activities)
        select area_level, area_path, month, status, sum(activities) from d
        group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (area_level, area_path, month, status) do update
            set activities = s.activities + excluded.activities
        returning 1)
    select count(*) into folded from d;
    return folded;
end
$fn$;

-- TRUNCATE activity fires no statement triggers for rows: it empties the dashboard summary, the status counts
-- and their pending deltas.
create or replace function activity_month_summary_on_truncate() returns trigger
    language plpgsql as $fn$
begin
    delete from activity_month_summary;
    delete from activity_month_summary_delta;
    delete from activity_status_count;
    delete from activity_status_count_delta;
    return null;
end
$fn$;

-- Initial fill from the activities already recorded.
insert into activity_status_count (area_level, area_path, month, status, activities)
select area_level, area_path, month, status, activities from activity_status_count_expected;
