-- Personal API tokens: only the SHA-256 of the token is stored; the token itself is shown once.
create table api_token (
    id            bigserial    primary key,
    user_id       bigint       not null references app_user (id) on delete cascade,
    name          varchar(100) not null,
    token_hash    char(64)     not null unique,
    prefix        varchar(12)  not null,
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_token_user_idx on api_token (user_id);
