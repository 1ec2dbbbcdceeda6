-- The operation log is append-only: rows are never changed, and rows younger than 180 days are never deleted
-- (等保 level 3 retention). The hash chain still reveals tampering by someone who bypasses this guard.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception 'audit_log is append-only: rows cannot be changed';
    end if;
    if tg_op = 'TRUNCATE' then
        raise exception 'audit_log cannot be truncated';
    end if;
    if old.at > now() - interval '180 days' then
        raise exception 'audit_log rows younger than 180 days cannot be deleted';
    end if;
    return old;
end
$$;

create trigger audit_log_guard_rows before update or delete on audit_log
    for each row execute function audit_log_guard();
create trigger audit_log_guard_truncate before truncate on audit_log
    for each statement execute function audit_log_guard();
