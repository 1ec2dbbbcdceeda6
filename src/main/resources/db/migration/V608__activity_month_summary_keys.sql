-- One definition of which summary rows a counted record contributes to. The pending-delta view (V602), the fold
-- function (V602) and the expected view (V600) each spelled out the same six-way expansion (county TOTAL, THEME,
-- FORMAT, KEY_GROUP per key group, UNIT, township TOTAL), and V607 had to add its UNIT branch to all three. They now
-- call activity_month_summary_keys, so a new dimension is added in one place. Behaviour is unchanged: the nightly
-- check compares the stored rows with the expected view, and the tests compare every reader with the ledger.
create function activity_month_summary_keys(p_division_path text, p_starts_at timestamptz, p_theme_code varchar,
        p_format_code varchar, p_key_groups varchar[], p_organizer_unit_id bigint)
    returns table (area_level smallint, area_path text, month date, dim varchar, dim_key varchar)
    language sql stable as $fn$
    select x.lvl, x.p, b.m, x.dim, x.k
    from (select array_to_string((string_to_array(p_division_path, '/'))[1:3], '/') county_path,
                 array_to_string((string_to_array(p_division_path, '/'))[1:4], '/') town_path,
                 date_trunc('month', p_starts_at at time zone 'Asia/Shanghai')::date m) b
    cross join lateral (
        select 3::smallint lvl, b.county_path p, 'TOTAL'::varchar dim, ''::varchar k
        union all select 3::smallint, b.county_path, 'THEME', p_theme_code
        union all select 3::smallint, b.county_path, 'FORMAT', p_format_code
        union all select 3::smallint, b.county_path, 'KEY_GROUP', kg from unnest(p_key_groups) kg
        union all select 3::smallint, b.county_path, 'UNIT', p_organizer_unit_id::text
                  where p_organizer_unit_id is not null
        union all select 4::smallint, b.town_path, 'TOTAL', '') x
$fn$;

drop view activity_month_summary_pending;
create view activity_month_summary_pending as
select r.area_level, r.area_path collate "C" area_path, r.month, r.dim, r.dim_key, sum(d.factor)::bigint activities,
       sum(d.factor * d.onsite)::bigint onsite, sum(d.factor * d.online)::bigint online,
       sum(d.factor * d.materials)::bigint materials, sum(d.factor * d.volunteers)::bigint volunteers
from activity_month_summary_delta d
cross join lateral activity_month_summary_keys(d.division_path, d.starts_at, d.theme_code, d.format_code,
                                               d.key_groups, d.organizer_unit_id) r
group by 1, 2, 3, 4, 5;

create or replace function activity_month_summary_fold() returns bigint
    language plpgsql as $fn$
declare
    folded bigint;
begin
    with d as (delete from activity_month_summary_delta returning *),
    ins as (
        insert into activity_month_summary as s (area_level, area_path, month, dim, dim_key, activities, onsite,
                                                 online, materials, volunteers)
        select r.area_level, r.area_path, r.month, r.dim, r.dim_key, sum(d.factor), sum(d.factor * d.onsite),
               sum(d.factor * d.online), sum(d.factor * d.materials), sum(d.factor * d.volunteers)
        from d cross join lateral activity_month_summary_keys(d.division_path, d.starts_at, d.theme_code,
                                                              d.format_code, d.key_groups, d.organizer_unit_id) r
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
        on conflict (area_level, area_path, month, dim, dim_key) do update
            set activities = s.activities + excluded.activities, onsite = s.onsite + excluded.onsite,
                online = s.online + excluded.online, materials = s.materials + excluded.materials,
                volunteers = s.volunteers + excluded.volunteers
        returning 1)
    select count(*) into folded from d;
    return folded;
end
$fn$;

drop view activity_month_summary_expected;
create view activity_month_summary_expected as
select r.area_level, r.area_path, r.month, r.dim, r.dim_key, count(*)::bigint activities,
       sum(a.participants_onsite)::bigint onsite, sum(a.participants_online)::bigint online,
       sum(a.materials_count)::bigint materials, sum(a.volunteers_count)::bigint volunteers
from activity a
cross join lateral activity_month_summary_keys(a.division_path, a.starts_at, a.theme_code, a.format_code,
                                               a.key_groups, a.organizer_unit_id) r
where a.status in ('SUBMITTED', 'VERIFIED')
group by 1, 2, 3, 4, 5;
