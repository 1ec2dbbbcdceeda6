-- TRUNCATE activity fires no row or statement triggers of V600: empty the summary with it.
create function activity_month_summary_on_truncate() returns trigger
    language plpgsql as $fn$
begin
    delete from activity_month_summary;
    return null;
end
$fn$;

create trigger activity_month_summary_trunc after truncate on activity
    for each statement execute function activity_month_summary_on_truncate();
