-- V602's row trigger was called for every inserted, updated and deleted activity, and returned at once for rows that
-- the summary does not count (drafts and returned records). An Excel import writes up to 100,000 drafts: each one
-- queued an after-trigger event and ran the PL/pgSQL function for nothing. The trigger is now split by operation,
-- each with a WHEN condition, so rows that can change no summary figure never reach it (the function is unchanged
-- and still skips updates of counted rows whose summarised fields did not change).
drop trigger activity_month_summary_delta on activity;

create trigger activity_month_summary_delta_ins after insert on activity
    for each row when (new.status in ('SUBMITTED', 'VERIFIED'))
    execute function activity_month_summary_delta_row();
create trigger activity_month_summary_delta_upd after update on activity
    for each row when (old.status in ('SUBMITTED', 'VERIFIED') or new.status in ('SUBMITTED', 'VERIFIED'))
    execute function activity_month_summary_delta_row();
create trigger activity_month_summary_delta_del after delete on activity
    for each row when (old.status in ('SUBMITTED', 'VERIFIED'))
    execute function activity_month_summary_delta_row();
