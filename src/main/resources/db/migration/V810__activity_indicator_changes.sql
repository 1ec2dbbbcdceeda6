-- The activity ledger reports its changes to the indicator engine (org.kepu.activity.indicator, which registers
-- the ledger as the indicator source "activity"). Numbered in the indicator range because it needs V800's
-- indicator_changed(); it belongs to the activity module.
--
-- Statement-level triggers with transition tables: one call per statement whatever the number of rows, so the
-- Excel import (5,000 rows per statement) appends a handful of (township, month) rows per chunk, and a single save
-- appends one or two. Updates report only rows whose fields used by ActivityLedgerSource changed (old and new
-- place and time); a title, description or media edit reports nothing. Keep the column list in step with
-- ActivityLedgerSource when it filters on new columns.
create function activity_indicator_changes() returns trigger
    language plpgsql as $fn$
begin
    if tg_op = 'INSERT' then
        perform indicator_changed('activity', array_agg(n.division_path), array_agg(n.starts_at)) from new_rows n;
    elsif tg_op = 'DELETE' then
        perform indicator_changed('activity', array_agg(o.division_path), array_agg(o.starts_at)) from old_rows o;
    else
        perform indicator_changed('activity', array_agg(x.p), array_agg(x.s))
        from (select c.p, c.s
              from old_rows o join new_rows n on n.id = o.id
                   cross join lateral (values (o.division_path, o.starts_at), (n.division_path, n.starts_at)) c(p, s)
              where (o.status, o.division_path, o.starts_at, o.theme_code, o.format_code, o.key_groups,
                     o.organizer_unit_id, o.participants_onsite, o.participants_online, o.materials_count,
                     o.volunteers_count)
                    is distinct from
                    (n.status, n.division_path, n.starts_at, n.theme_code, n.format_code, n.key_groups,
                     n.organizer_unit_id, n.participants_onsite, n.participants_online, n.materials_count,
                     n.volunteers_count)) x;
    end if;
    return null;
end
$fn$;

create trigger activity_indicator_ins after insert on activity
    referencing new table as new_rows for each statement execute function activity_indicator_changes();
create trigger activity_indicator_upd after update on activity
    referencing old table as old_rows new table as new_rows
    for each statement execute function activity_indicator_changes();
create trigger activity_indicator_del after delete on activity
    referencing old table as old_rows for each statement execute function activity_indicator_changes();

create function activity_indicator_truncated() returns trigger
    language plpgsql as $fn$
begin
    perform indicator_changed_all('activity');
    return null;
end
$fn$;

create trigger activity_indicator_trunc after truncate on activity
    for each statement execute function activity_indicator_truncated();
