-- Dashboard summary rows over the activity ledger (DESIGN §4): what the county and higher dashboards sum instead
-- of scanning activities. Only counted activities (status SUBMITTED or VERIFIED) contribute; months are calendar
-- months of starts_at in Asia/Shanghai.
--
--   area_level 3: the record's division path cut to at most 3 segments (its county, or its own division when it
--                 sits above county level); dims TOTAL (dim_key ''), THEME, FORMAT and KEY_GROUP (an activity
--                 counts once per key group).
--   area_level 4: the path cut to at most 4 segments (its township); dim TOTAL only (a county's by-township chart).
--
-- Kept current by statement-level triggers on activity that fold the changed rows into per-(county|township,
-- month, …) rows: writers in different counties never touch the same row, so a province-wide total never
-- becomes a hot row (province figures are summed over the county rows on read). A nightly job
-- (ActivitySummaryCheck) recomputes the rows from activity, reports any difference and repairs it.
create table activity_month_summary (
    area_level  smallint     not null check (area_level in (3, 4)),
    area_path   text collate "C" not null,
    month       date         not null,
    dim         varchar(10)  not null check (dim in ('TOTAL', 'THEME', 'FORMAT', 'KEY_GROUP')),
    dim_key     varchar(40)  not null,
    activities  bigint       not null default 0,
    onsite      bigint       not null default 0,
    online      bigint       not null default 0,
    materials   bigint       not null default 0,
    volunteers  bigint       not null default 0,
    primary key (area_level, area_path, month, dim, dim_key)
);

-- Folds the contributions of the given activity rows (times factor) into the summary, in key order so concurrent
-- writers lock shared rows in the same order. Static SQL: the plan is cached per session.
create function activity_month_summary_apply(changed activity[], factor integer) returns void
    language sql as $fn$
    with b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups,
               a.participants_onsite::bigint onsite, a.participants_online::bigint online,
               a.materials_count::bigint materials, a.volunteers_count::bigint volunteers
        from unnest(changed) a where a.status in ('SUBMITTED', 'VERIFIED')),
    d as (
        select 3::smallint lvl, county_path p, m, 'TOTAL' dim, ''::varchar k, onsite, online, materials, volunteers
        from b
        union all select 3::smallint, county_path, m, 'THEME', theme_code, onsite, online, materials, volunteers from b
        union all select 3::smallint, county_path, m, 'FORMAT', format_code, onsite, online, materials, volunteers
        from b
        union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, onsite, online, materials, volunteers
        from b cross join lateral unnest(b.key_groups) kg
        union all select 4::smallint, town_path, m, 'TOTAL', '', onsite, online, materials, volunteers from b)
    insert into activity_month_summary as s (area_level, area_path, month, dim, dim_key, activities, onsite, online,
                                             materials, volunteers)
    select lvl, p, m, dim, k, factor * count(*), factor * sum(onsite), factor * sum(online), factor * sum(materials),
           factor * sum(volunteers)
    from d group by lvl, p, m, dim, k order by lvl, p, m, dim, k
    on conflict (area_level, area_path, month, dim, dim_key) do update
        set activities = s.activities + excluded.activities, onsite = s.onsite + excluded.onsite,
            online = s.online + excluded.online, materials = s.materials + excluded.materials,
            volunteers = s.volunteers + excluded.volunteers
$fn$;

create function activity_month_summary_on_insert() returns trigger
    language plpgsql as $fn$
begin
    perform activity_month_summary_apply((select array_agg(n::activity) from new_rows n), 1);
    return null;
end
$fn$;

create function activity_month_summary_on_update() returns trigger
    language plpgsql as $fn$
begin
    perform activity_month_summary_apply((select array_agg(o::activity) from old_rows o), -1);
    perform activity_month_summary_apply((select array_agg(n::activity) from new_rows n), 1);
    return null;
end
$fn$;

create function activity_month_summary_on_delete() returns trigger
    language plpgsql as $fn$
begin
    perform activity_month_summary_apply((select array_agg(o::activity) from old_rows o), -1);
    return null;
end
$fn$;

create trigger activity_month_summary_ins after insert on activity
    referencing new table as new_rows for each statement execute function activity_month_summary_on_insert();
create trigger activity_month_summary_upd after update on activity
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_month_summary_on_update();
create trigger activity_month_summary_del after delete on activity
    referencing old table as old_rows for each statement execute function activity_month_summary_on_delete();

-- What the summary must hold, recomputed from all activities (used by the check job and the initial fill).
create view activity_month_summary_expected as
select lvl area_level, p area_path, m "month", dim, k dim_key, sum(n)::bigint activities, sum(o)::bigint onsite,
       sum(l)::bigint online, sum(ma)::bigint materials, sum(v)::bigint volunteers
from (
    with b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups,
               a.participants_onsite::bigint onsite, a.participants_online::bigint online,
               a.materials_count::bigint materials, a.volunteers_count::bigint volunteers
        from activity a where a.status in ('SUBMITTED', 'VERIFIED'))
    select 3::smallint lvl, county_path p, m, 'TOTAL'::varchar dim, ''::varchar k, 1 n, onsite o, online l,
           materials ma, volunteers v from b
    union all select 3::smallint, county_path, m, 'THEME', theme_code, 1, onsite, online, materials, volunteers from b
    union all select 3::smallint, county_path, m, 'FORMAT', format_code, 1, onsite, online, materials, volunteers
    from b
    union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, 1, onsite, online, materials, volunteers
    from b cross join lateral unnest(b.key_groups) kg
    union all select 4::smallint, town_path, m, 'TOTAL', '', 1, onsite, online, materials, volunteers from b
) d
group by 1, 2, 3, 4, 5;

-- Initial fill from the activities already recorded.
insert into activity_month_summary (area_level, area_path, month, dim, dim_key, activities, onsite, online,
                                    materials, volunteers)
select area_level, area_path, month, dim, dim_key, activities, onsite, online, materials, volunteers
from activity_month_summary_expected;
