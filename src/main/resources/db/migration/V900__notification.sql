-- 站内通知 (the notification module, V900-V919): one row per recipient. dedupe_key names the occasion of a reminder or
-- an event; a user gets at most one notification per key.
create table notification (
    id          bigserial     primary key,
    user_id     bigint        not null references app_user (id) on delete cascade,
    title       varchar(200)  not null,
    body        varchar(2000),
    link        varchar(500),
    dedupe_key  varchar(200),
    created_at  timestamptz   not null default now(),
    read_at     timestamptz
);
create unique index notification_user_key_uq on notification (user_id, dedupe_key) where dedupe_key is not null;
create index notification_user_idx on notification (user_id, created_at desc, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;
