-- Excel ledger imports (台账导入): one row per successfully imported file. The SHA-256 of the file's bytes is
-- unique so that the same file cannot be imported twice; activity.import_batch_id points here.
create table activity_import (
    id              bigserial    primary key,
    sha256          char(64)     not null unique,
    file_name       varchar(255),
    row_count       integer      not null check (row_count >= 0),
    imported_by     bigint       references app_user (id),
    imported_by_name varchar(100),
    imported_at     timestamptz  not null default now()
);
create index activity_import_batch_idx on activity (import_batch_id) where import_batch_id is not null;
