-- 指标 (DESIGN §4): data elements over the ledgers, indicator formulas, targets, and the value cache with its change
-- log. The indicator module owns V800-V849.

-- A division path cut to at most n segments: indicator_cut('36/3607/360734/360734100/360734100001', 4)
-- = '36/3607/360734/360734100'. Simple SQL function: PostgreSQL inlines it.
create function indicator_cut(path text, n integer) returns text
    language sql immutable parallel safe as
$fn$ select array_to_string((string_to_array(path, '/'))[1:n], '/') $fn$;

-- The first day of the Asia/Shanghai calendar month of an instant.
create function indicator_month(t timestamptz) returns date
    language sql stable parallel safe as
$fn$ select date_trunc('month', t at time zone 'Asia/Shanghai')::date $fn$;

-- 数据元素: one aggregate over one ledger with filters (one value per dimension, JSON object).
create table indicator_data_element (
    id           bigserial    primary key,
    code         varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
    name         varchar(100) not null,
    source       varchar(40)  not null,
    aggregation  varchar(20)  not null check (aggregation in ('COUNT', 'SUM', 'DISTINCT_COUNT')),
    measure      varchar(40),
    filters      jsonb        not null default '{}' check (jsonb_typeof(filters) = 'object'),
    description  text,
    -- BUILDING: the cache has no (complete) rows for it yet and reads compute directly; READY: maintained.
    cache_state  varchar(10)  not null default 'BUILDING' check (cache_state in ('BUILDING', 'READY')),
    version      integer      not null default 0,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    check ((aggregation = 'COUNT') = (measure is null))
);

-- 指标: a formula over data elements, other indicators and division attributes.
create table indicator (
    id               bigserial    primary key,
    code             varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9_]*$'),
    name             varchar(100) not null,
    formula          varchar(500) not null,
    unit_of_measure  varchar(20)  not null default '',
    decimals         smallint     not null default 0 check (decimals between 0 and 4),
    description      text,
    sort_order       integer      not null default 0,
    active           boolean      not null default true,
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

-- 目标值: an indicator's target for a division subtree by a deadline. Progress is expected linearly from
-- (start_date, baseline) to (deadline, target_value).
create table indicator_target (
    id             bigserial    primary key,
    indicator_id   bigint       not null references indicator (id),
    division_code  varchar(12)  not null references division (code),
    division_path  text         not null,
    start_date     date         not null,
    baseline       numeric      not null default 0,
    deadline       date         not null,
    comparator     varchar(10)  not null check (comparator in ('AT_LEAST', 'AT_MOST', 'EXACTLY')),
    target_value   numeric      not null,
    source_note    varchar(1000),
    created_by     bigint       references app_user (id),
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    check (start_date <= deadline)
);
create index indicator_target_path_idx on indicator_target (division_path text_pattern_ops);
create index indicator_target_indicator_idx on indicator_target (indicator_id);

-- The value cache. Rows exist only for non-zero values (a missing row is 0) of READY elements whose aggregate
-- adds up over areas (Additivity FULL or AREA):
--   level 4: the records whose division path cut to 4 segments is area_path (a township; records of a county or a
--            city itself keep their own shorter path), for every month, quarter and year with records;
--   level 3: the sum of the level-4 rows whose path cut to 3 segments is area_path (a county; what city and
--            province figures add up);
--   level 0: a value computed on demand for exactly one division subtree and period (aggregates that do not add
--            up, villages, custom ranges), valid while its source's epoch is unchanged.
-- period_start/period_end: the period's first day and the day after its last (a month, quarter or year; any
-- range for level 0).
create table indicator_value (
    element_id    bigint       not null references indicator_data_element (id) on delete cascade,
    level         smallint     not null check (level in (0, 3, 4)),
    period_start  date         not null,
    period_end    date         not null,
    area_path     text collate "C" not null,
    value         numeric      not null,
    epoch         bigint,
    computed_at   timestamptz  not null default now(),
    primary key (element_id, level, period_start, period_end, area_path)
);

-- Changes of ledger records not yet folded into the cache: (source, the record's path cut to 4 segments, the
-- Asia/Shanghai month of the record's time). area_path '' and month null: everything of the source changed.
-- Append-only for writers (no row is ever updated, so writers never queue on each other); the refresh job deletes
-- the rows it has folded in the same transaction that rewrites the cache rows.
create table indicator_change (
    id         bigserial    primary key,
    source     varchar(40)  not null,
    area_path  text collate "C" not null,
    month      date
);
create index indicator_change_area_idx on indicator_change (source, area_path);

-- Per source, a counter the refresh job increments whenever it folds changes or an element definition changes:
-- level-0 rows computed at an older epoch are no longer trusted.
create table indicator_source_state (
    source  varchar(40)  primary key,
    epoch   bigint       not null default 0
);

-- The call a ledger makes, in the writing transaction, for the records it changed: one change row per distinct
-- (township, month). paths and starts are parallel arrays (old and new values of updated records).
create function indicator_changed(p_source text, p_paths text[], p_starts timestamptz[]) returns void
    language sql as
$fn$
    insert into indicator_change (source, area_path, month)
    select distinct p_source, indicator_cut(t.p, 4), indicator_month(t.s)
    from unnest(p_paths, p_starts) as t(p, s)
    where t.p is not null and t.s is not null
$fn$;

-- Everything of the source may have changed (e.g. TRUNCATE): its elements are rebuilt.
create function indicator_changed_all(p_source text) returns void
    language sql as
$fn$ insert into indicator_change (source, area_path, month) values (p_source, '', null) $fn$;
