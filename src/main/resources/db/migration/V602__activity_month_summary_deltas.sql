-- Writers append deltas instead of updating summary rows (DESIGN §4: append-only deltas folded in by a job).
-- V600's statement triggers upserted five summary rows per statement, about 0.8 ms per single-row statement —
-- too much for an import that writes row by row. Now a row trigger appends at most two small rows (the old
-- contribution with factor -1, the new one with +1); ActivitySummaryFolder folds them into activity_month_summary
-- every few seconds, and readers add the pending deltas (view activity_month_summary_pending) so figures are exact
-- at once.
drop trigger activity_month_summary_ins on activity;
drop trigger activity_month_summary_upd on activity;
drop trigger activity_month_summary_del on activity;
drop function activity_month_summary_on_insert();
drop function activity_month_summary_on_update();
drop function activity_month_summary_on_delete();
drop function activity_month_summary_apply(activity[], integer);

create table activity_month_summary_delta (
    id             bigserial    primary key,
    division_path  text         not null,
    starts_at      timestamptz  not null,
    theme_code     varchar(40)  not null,
    format_code    varchar(40)  not null,
    key_groups     varchar(20)[] not null,
    onsite         integer      not null,
    online         integer      not null,
    materials      integer      not null,
    volunteers     integer      not null,
    factor         smallint     not null check (factor in (-1, 1))
);

create function activity_month_summary_delta_row() returns trigger
    language plpgsql as $fn$
declare
    old_counted boolean := tg_op <> 'INSERT' and old.status in ('SUBMITTED', 'VERIFIED');
    new_counted boolean := tg_op <> 'DELETE' and new.status in ('SUBMITTED', 'VERIFIED');
begin
    if tg_op = 'UPDATE' and old_counted = new_counted
            and (not old_counted or (old.division_path, old.starts_at, old.theme_code, old.format_code, old.key_groups,
                 old.participants_onsite, old.participants_online, old.materials_count, old.volunteers_count)
                 is not distinct from (new.division_path, new.starts_at, new.theme_code, new.format_code,
                 new.key_groups, new.participants_onsite, new.participants_online, new.materials_count,
                 new.volunteers_count)) then
        return null;
    end if;
    if old_counted then
        insert into activity_month_summary_delta (division_path, starts_at, theme_code, format_code, key_groups,
                onsite, online, materials, volunteers, factor)
        values (old.division_path, old.starts_at, old.theme_code, old.format_code, old.key_groups,
                old.participants_onsite, old.participants_online, old.materials_count, old.volunteers_count, -1);
    end if;
    if new_counted then
        insert into activity_month_summary_delta (division_path, starts_at, theme_code, format_code, key_groups,
                onsite, online, materials, volunteers, factor)
        values (new.division_path, new.starts_at, new.theme_code, new.format_code, new.key_groups,
                new.participants_onsite, new.participants_online, new.materials_count, new.volunteers_count, 1);
    end if;
    return null;
end
$fn$;

create trigger activity_month_summary_delta after insert or update or delete on activity
    for each row execute function activity_month_summary_delta_row();

-- The pending deltas expanded into summary-shaped rows (same keys as activity_month_summary).
create view activity_month_summary_pending as
select lvl area_level, p area_path, m "month", dim, k dim_key, sum(factor)::bigint activities,
       sum(factor * o)::bigint onsite, sum(factor * l)::bigint online, sum(factor * ma)::bigint materials,
       sum(factor * v)::bigint volunteers
from (
    with b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') collate "C" county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') collate "C" town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups, a.factor,
               a.onsite::bigint o, a.online::bigint l, a.materials::bigint ma, a.volunteers::bigint v
        from activity_month_summary_delta a)
    select 3::smallint lvl, county_path p, m, 'TOTAL'::varchar dim, ''::varchar k, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'THEME', theme_code, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'FORMAT', format_code, factor, o, l, ma, v from b
    union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, factor, o, l, ma, v
    from b cross join lateral unnest(b.key_groups) kg
    union all select 4::smallint, town_path, m, 'TOTAL', '', factor, o, l, ma, v from b
) d
group by 1, 2, 3, 4, 5;

-- Moves the pending deltas into the summary; returns how many deltas were folded. Deltas written after the
-- statement's snapshot stay for the next run; concurrent runs cannot fold a delta twice (DELETE ... RETURNING).
create function activity_month_summary_fold() returns bigint
    language plpgsql as $fn$
declare
    folded bigint;
begin
    with d as (delete from activity_month_summary_delta returning *),
    b as (
        select array_to_string((string_to_array(a.division_path, '/'))[1:3], '/') county_path,
               array_to_string((string_to_array(a.division_path, '/'))[1:4], '/') town_path,
               date_trunc('month', a.starts_at at time zone 'Asia/Shanghai')::date m,
               a.theme_code, a.format_code, a.key_groups, a.factor,
               a.onsite::bigint o, a.online::bigint l, a.materials::bigint ma, a.volunteers::bigint v
        from d a),
    e as (
        select 3::smallint lvl, county_path p, m, 'TOTAL'::varchar dim, ''::varchar k, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'THEME', theme_code, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'FORMAT', format_code, factor, o, l, ma, v from b
        union all select 3::smallint, county_path, m, 'KEY_GROUP', kg, factor, o, l, ma, v
        from b cross join lateral unnest(b.key_groups) kg
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

-- TRUNCATE activity empties the summary and the pending deltas.
create or replace function activity_month_summary_on_truncate() returns trigger
    language plpgsql as $fn$
begin
    delete from activity_month_summary;
    delete from activity_month_summary_delta;
    return null;
end
$fn$;
