-- Failed sign-ins for names that have no account. They are throttled exactly like real accounts, so the
-- sign-in page never reveals whether a user name exists.
create table login_throttle (
    username         varchar(100) primary key,
    failed_attempts  integer      not null default 0,
    locked_until     timestamptz,
    updated_at       timestamptz  not null default now()
);
create index app_user_role_idx on app_user (role);
