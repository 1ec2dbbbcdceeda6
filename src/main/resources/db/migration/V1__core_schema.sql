-- Core schema shared by the foundation modules. Each module adds its own migrations in its own version range:
-- region V100-199, organization V200-299, identity V300-399, audit V350-399, activity V400-499,
-- evidence V500-599, indicator/dashboard V600-699, plan V700-799.

-- 行政区划: province (1) > city (2) > county (3) > township (4) > village (5).
-- code: GB/T 2260 (2, 4, 6 digits) and statistical codes (9 digits township, 12 digits village).
-- path: the codes from the root joined by '/', e.g. 36/3607/360734/360734100/360734100001.
create table division (
    code          varchar(12)  primary key,
    parent_code   varchar(12)  references division (code),
    name          varchar(100) not null,
    level         smallint     not null check (level between 1 and 5),
    path          text         not null unique,
    population    integer      check (population >= 0),
    urban_rural   varchar(10)  check (urban_rural in ('URBAN', 'RURAL')),
    version       integer      not null default 0,
    updated_at    timestamptz  not null default now()
);
create index division_parent_idx on division (parent_code);
create index division_path_prefix_idx on division (path text_pattern_ops);

-- 成员单位 of the leading group / 纲要办 at a division (usually the county).
create table member_unit (
    id              bigserial    primary key,
    division_code   varchar(12)  not null references division (code),
    division_path   text         not null,
    name            varchar(100) not null,
    short_name      varchar(50),
    unit_type       varchar(30)  not null check (unit_type in ('PARTY', 'GOVERNMENT', 'PEOPLES_ORGANIZATION', 'PUBLIC_INSTITUTION', 'OTHER')),
    duties          text,
    active          boolean      not null default true,
    sort_order      integer      not null default 0,
    version         integer      not null default 0,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    unique (division_code, name)
);
create index member_unit_path_idx on member_unit (division_path text_pattern_ops);

-- Accounts. One role each; the scope is a division subtree (division_code/path) or a member unit (unit_id).
create table app_user (
    id                    bigserial    primary key,
    username              varchar(50)  not null unique,
    display_name          varchar(100) not null,
    password_hash         varchar(200) not null,
    role                  varchar(30)  not null,
    division_code         varchar(12)  references division (code),
    division_path         text,
    unit_id               bigint       references member_unit (id),
    enabled               boolean      not null default true,
    must_change_password  boolean      not null default true,
    failed_attempts       integer      not null default 0,
    locked_until          timestamptz,
    password_changed_at   timestamptz,
    expires_at            timestamptz,
    last_login_at         timestamptz,
    version               integer      not null default 0,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);

-- Managed dictionaries (activity themes, formats, ...). code is stable; label is what users see.
create table dict_item (
    id          bigserial    primary key,
    dict        varchar(40)  not null,
    code        varchar(40)  not null,
    label       varchar(100) not null,
    sort_order  integer      not null default 0,
    active      boolean      not null default true,
    unique (dict, code),
    unique (dict, label)
);

insert into dict_item (dict, code, label, sort_order) values
    ('ACTIVITY_THEME', 'SCI_TECH_WEEK', '科技活动周', 10),
    ('ACTIVITY_THEME', 'NATIONAL_SCIENCE_DAY', '全国科普日', 20),
    ('ACTIVITY_THEME', 'SCI_TECH_WORKERS_DAY', '科技工作者日', 30),
    ('ACTIVITY_THEME', 'THREE_TO_COUNTRYSIDE', '科技文化卫生"三下乡"', 40),
    ('ACTIVITY_THEME', 'DISASTER_REDUCTION_DAY', '防灾减灾日', 50),
    ('ACTIVITY_THEME', 'WORLD_ENVIRONMENT_DAY', '世界环境日', 60),
    ('ACTIVITY_THEME', 'FOOD_SAFETY_WEEK', '食品安全宣传周', 70),
    ('ACTIVITY_THEME', 'LOW_CARBON_DAY', '全国低碳日', 80),
    ('ACTIVITY_THEME', 'PUBLIC_SCIENCE_DAY', '公众科学日', 90),
    ('ACTIVITY_THEME', 'SCIENCE_LECTURE_HALL', '科普大讲堂', 100),
    ('ACTIVITY_THEME', 'SCIENCE_IN_SCHOOLS', '科普进校园', 110),
    ('ACTIVITY_THEME', 'OTHER', '其他', 999),
    ('ACTIVITY_FORMAT', 'LECTURE', '讲座', 10),
    ('ACTIVITY_FORMAT', 'TRAINING', '培训', 20),
    ('ACTIVITY_FORMAT', 'EXHIBITION', '展览', 30),
    ('ACTIVITY_FORMAT', 'COMPETITION', '竞赛', 40),
    ('ACTIVITY_FORMAT', 'CONSULTATION', '咨询/义诊', 50),
    ('ACTIVITY_FORMAT', 'OPEN_DAY', '参观/开放日', 60),
    ('ACTIVITY_FORMAT', 'LIVE_STREAM', '线上直播', 70),
    ('ACTIVITY_FORMAT', 'SCIENCE_CARAVAN', '科普大篷车/流动科技馆', 80),
    ('ACTIVITY_FORMAT', 'ARTS_PUBLICITY', '文艺/宣传', 90),
    ('ACTIVITY_FORMAT', 'OTHER', '其他', 999);

-- 科普活动台账.
create table activity (
    id                   bigserial     primary key,
    title                varchar(200)  not null,
    theme_code           varchar(40)   not null,
    format_code          varchar(40)   not null,
    key_groups           varchar(20)[] not null default '{}',
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    division_code        varchar(12)   not null references division (code),
    division_path        text          not null,
    organizer_unit_id    bigint        references member_unit (id),
    participants_onsite  integer       not null default 0 check (participants_onsite >= 0),
    participants_online  integer       not null default 0 check (participants_online >= 0),
    materials_count      integer       not null default 0 check (materials_count >= 0),
    volunteers_count     integer       not null default 0 check (volunteers_count >= 0),
    media_coverage       text,
    description          text,
    status               varchar(20)   not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED')),
    return_reason        text,
    created_by           bigint        references app_user (id),
    submitted_at         timestamptz,
    verified_at          timestamptz,
    verified_by          bigint        references app_user (id),
    import_batch_id      bigint,
    version              integer       not null default 0,
    created_at           timestamptz   not null default now(),
    updated_at           timestamptz   not null default now(),
    check (ends_at >= starts_at)
);
create index activity_path_start_idx on activity (division_path text_pattern_ops, starts_at);
create index activity_start_idx on activity (starts_at);
create index activity_unit_idx on activity (organizer_unit_id, starts_at);
create index activity_key_groups_idx on activity using gin (key_groups);

create table activity_co_organizer (
    activity_id  bigint not null references activity (id) on delete cascade,
    unit_id      bigint not null references member_unit (id),
    primary key (activity_id, unit_id)
);
create index activity_co_organizer_unit_idx on activity_co_organizer (unit_id);

-- Evidence files, stored once per content (SHA-256) outside the web root.
create table evidence_file (
    sha256        char(64)     primary key,
    content_type  varchar(80)  not null,
    size_bytes    bigint       not null,
    width         integer,
    height        integer,
    created_at    timestamptz  not null default now()
);

create table activity_evidence (
    id             bigserial    primary key,
    activity_id    bigint       not null references activity (id) on delete cascade,
    sha256         char(64)     not null references evidence_file (sha256),
    kind           varchar(20)  not null check (kind in ('PHOTO', 'PDF', 'SIGN_IN_SHEET')),
    original_name  varchar(255),
    uploaded_by    bigint       references app_user (id),
    uploaded_at    timestamptz  not null default now(),
    unique (activity_id, sha256)
);
create index activity_evidence_sha_idx on activity_evidence (sha256);

-- Tamper-evident operation log: each row's hash covers its content and the previous row's hash.
create table audit_log (
    id           bigserial    primary key,
    at           timestamptz  not null default now(),
    user_id      bigint,
    username     varchar(50),
    action       varchar(40)  not null,
    entity_type  varchar(50),
    entity_id    varchar(64),
    before_data  jsonb,
    after_data   jsonb,
    ip           varchar(45),
    prev_hash    char(64),
    hash         char(64)     not null
);
create index audit_log_at_idx on audit_log (at);

-- ShedLock: one node runs each scheduled job.
create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamptz  not null,
    locked_at   timestamptz  not null,
    locked_by   varchar(255) not null
);
