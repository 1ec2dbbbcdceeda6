-- Summary rows per organising unit (dim UNIT, dim_key = the unit's id), at county level: the leader's cockpit ranks
-- member units by the activities they organised in an area and year. It grouped the counted records of the area's
-- year directly, 404 ms for a province of 1,000,000 records; from these rows it sums at most one row per county,
-- month and unit. Records without an organising unit have no UNIT row. Everything else about the summary is
-- unchanged: writers append deltas (now with the organising unit), the fold job moves them into the summary, readers
-- add the pending ones, and the nightly check compares every row, UNIT rows included, with the ledger.
alter table activity_month_summary drop constraint activity_month_summary_dim_check;
alter table activity_month_summary add constraint activity_month_summary_dim_check
    check (dim in ('TOTAL', 'THEME', 'FORMAT', 'KEY_GROUP', 'UNIT'));

alter table activity_month_summary_delta add column organizer_unit_id bigint;

create or replace function activity_month_summary_delta_row() returns trigger
    language plpgsql as $fn$
declare
    old_counted boolean := tg_op <> 'INSERT' and old.status in ('SUBMITTED', 'VERIFIED');
    new_counted boolean := tg_op <> 'DELETE' and new.status in ('SUBMITTED', 'VERIFIED');
begin
    if tg_op = 'UPDATE' and old_counted = new_counted
            and (not old_counted or (old.division_path, old.starts_at, old.theme_code, old.format_code, old.key_groups,
                 old.participants_onsite, old.participants_online, old.materials_count, old.volunteers_count,
                 old.organizer_unit_id)
                 is not distinct from (new.division_path, new.starts_at, new.theme_code, new.format_code,
                 new.key_groups, new.participants_onsite, new.participants_online, new.materials_count,
                 new.volunteers_count, new.organizer_unit_id)) then
        return null;
    end if;
    if old_counted then
        insert into activity_month_summary_delta (division_path, starts_at, theme_code, format_code, key_groups,
                onsite, online, materials, volunteers, organizer_unit_id, factor)
        values (old.division_path, old.starts_at, old.theme_code, old.format_code, old.key_groups,
                old.participants_onsite, old.participants_online, old.materials_count, old.volunteers_count,
                old.organizer_unit_id, -1);
    end if;
    if new_counted then
        insert into activity_month_summary_delta (division_path, starts_at, theme_code, format_code, key_groups,
                onsite, online, materials, volunteers, organizer_unit_id, factor)
        values (new.division_path, new.starts_at, new.theme_code, new.format_code, new.key_groups,
                new.participants_onsite, new.participants_online, new.materials_count, new.volunteers_count,
                new.organizer_unit_id, 1);
    end if;
    return null;
end
$fn$;

create or replace view activity_month_summary_pending as
select lvl area_level, p area_path, m "month", dim, k dim_key, sum(factor)::bigint activities,
       sum(factor * o)::bigint onsite, sum(factor * l)::bigint online, sum(factor * ma)::bigint materials,
       sum(factor * v)::bigint volunteers
from (
    with b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') collate "C" county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') collate "C" town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups, a.organizer_unit_id, a.factor,
               a.onsite::bigint o, a.online::bigint l, a.materials::bigint ma, a.volunteers::bigint v
        from activity_month_summary_delta a)
    select 3::smallint lvl, county_path p, m, 'TOTAL'::varchar dim, ''::varchar k, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'THEME', theme_code, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'FORMAT', format_code, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, factor, o, l, ma, v
    from b cross join lateral unnest(b.key_groups) kg
    union all select 3::smallint, county_path, m, 'UNIT', organizer_unit_id::text, factor, o, l, ma, v
    from b where organizer_unit_id is not null
    union all select 4::smallint, town_path, m, 'TOTAL', '', factor, o, l, ma, v from b
) d
group by 1, 2, 3, 4, 5;

create or replace function activity_month_summary_fold() returns bigint
    language plpgsql as $fn$
declare
    folded bigint;
begin
    with d as (delete from activity_month_summary_delta returning *),
    b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups, a.organizer_unit_id, a.factor,
               a.onsite::bigint o, a.online::bigint l, a.materials::bigint ma, a.volunteers::bigint v
        from d a),
    e as (
        select 3::smallint lvl, county_path p, m, 'TOTAL'::varchar dim, ''::varchar k, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'THEME', theme_code, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'FORMAT', format_code, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, factor, o, l, ma, v
        from b cross join lateral unnest(b.key_groups) kg
        union all select 3::smallint, county_path, m, 'UNIT', organizer_unit_id::text, factor, o, l, ma, v
        from b where organizer_unit_id is not null
        union all select 4::smallint, town_path, m, 'TOTAL', '', factor, o, l, ma, v from b),
    ins as (
        insert into activity_month_summary as s (area_level, area_path, month, dim, dim_key, activities, onsite,
                                                 online, materials, volunteers)
        select lvl, p, m, dim, k, sum(factor), sum(factor * o), sum(factor * l), sum(factor * ma), sum(factor * v)
        from e group by lvl, p, m, dim, k order by lvl, p, m, dim, k
        on conflict (area_level, area_path, month, dim, dim_key) do update
            set activities = s.activities + excluded.activities, onsite = s.onsite + excluded.onsite,
                online = s.online + excluded.online, materials = s.materials + excluded.materials,
                volunteers = s.volunteers + excluded.volunteers
        returning 1)
    select count(*) into folded from d;
    return folded;
end
$fn$;

create or replace view activity_month_summary_expected as
select lvl area_level, p area_path, m "month", dim, k dim_key, sum(n)::bigint activities, sum(o)::bigint onsite,
       sum(l)::bigint online, sum(ma)::bigint materials, sum(v)::bigint volunteers
from (
    with b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups, a.organizer_unit_id,
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
    union all select 3::smallint, county_path, m, 'UNIT', organizer_unit_id::text, 1, onsite, online, materials,
           volunteers
    from b where organizer_unit_id is not null
    union all select 4::smallint, town_path, m, 'TOTAL', '', 1, onsite, online, materials, volunteers from b
) d
group by 1, 2, 3, 4, 5;

-- The UNIT rows of the activities already recorded (pending deltas of other dims are left to the fold job).
insert into activity_month_summary (area_level, area_path, month, dim, dim_key, activities, onsite, online,
                                    materials, volunteers)
select area_level, area_path, month, dim, dim_key, activities, onsite, online, materials, volunteers
from activity_month_summary_expected where dim = 'UNIT';
