-- 规划/实施方案/年度工作要点 and their task trees (the plan module, V700-V749).

-- A plan belongs to a division (county, city, …; its materialised path like every record).
create table plan (
    id               bigserial    primary key,
    kind             varchar(30)  not null check (kind in ('IMPLEMENTATION_PLAN', 'ANNUAL_POINTS', 'SPECIAL_PLAN')),
    title            varchar(300) not null,
    period_start     smallint     check (period_start between 1990 and 2100),
    period_end       smallint     check (period_end between 1990 and 2100),
    issuing_body     varchar(200),
    document_number  varchar(100),
    issued_on        date,
    status           varchar(20)  not null default 'DRAFT' check (status in ('DRAFT', 'IN_FORCE', 'CLOSED')),
    division_code    varchar(12)  not null references division (code),
    division_path    text         not null,
    source_text      text,
    created_by       bigint       references app_user (id),
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    check (period_end is null or period_start is null or period_end >= period_start)
);
create index plan_path_idx on plan (division_path text_pattern_ops);

-- 任务: one numbered item of a plan with the document's own numbering (一、 （一） 1． （1） ①). A later
-- plan_task_report (quarterly progress per unit per task) references plan_task (id) and member_unit (id); the
-- responsible units of a task are its plan_task_unit rows, whose ids stay stable when the links are edited.
create table plan_task (
    id               bigserial     primary key,
    plan_id          bigint        not null references plan (id) on delete cascade,
    parent_id        bigint        references plan_task (id) on delete cascade,
    numbering        varchar(20)   not null default '',
    numbering_style  varchar(20)   not null default 'NONE'
                     check (numbering_style in ('CHINESE_COMMA', 'CHINESE_PAREN', 'ARABIC_DOT', 'ARABIC_PAREN',
                                                'CIRCLED', 'NONE')),
    sort_order       integer       not null default 0,
    title            varchar(500)  not null,
    body             text,
    deadline         date,
    key_groups       varchar(20)[] not null default '{}',
    source_line      integer,
    version          integer       not null default 0,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now()
);
create index plan_task_plan_idx on plan_task (plan_id, parent_id, sort_order);
create index plan_task_parent_idx on plan_task (parent_id);

-- 牵头部门 (LEAD) / 配合部门 (COOPERATING) of a task. unit_id is null while a written name matches no member
-- unit; the name as written is always kept.
create table plan_task_unit (
    id            bigserial    primary key,
    task_id       bigint       not null references plan_task (id) on delete cascade,
    role          varchar(20)  not null check (role in ('LEAD', 'COOPERATING')),
    unit_id       bigint       references member_unit (id),
    written_name  varchar(100) not null,
    sort_order    integer      not null default 0
);
create unique index plan_task_unit_task_unit_uq on plan_task_unit (task_id, unit_id) where unit_id is not null;
create index plan_task_unit_task_idx on plan_task_unit (task_id, sort_order);
create index plan_task_unit_unit_idx on plan_task_unit (unit_id);

-- Numeric targets the parser found in a task's text. bound_target_id is set when the office binds the proposal
-- to a target of the indicator module (no foreign key: the indicator module owns that table).
create table plan_task_target (
    id               bigserial      primary key,
    task_id          bigint         not null references plan_task (id) on delete cascade,
    subject          varchar(200)   not null,
    quantity         numeric(18, 4) not null,
    unit_of_measure  varchar(20),
    comparator       varchar(10)    not null check (comparator in ('AT_LEAST', 'AT_MOST', 'EXACTLY')),
    deadline_year    smallint,
    sentence         text,
    sort_order       integer        not null default 0,
    bound_target_id  bigint
);
create index plan_task_target_task_idx on plan_task_target (task_id, sort_order);

-- A plan text being imported: the parsed tree and the user's corrections between the preview steps, kept on the
-- server (never in form fields), owned by one user, deleted when saved, discarded or expired.
create table plan_import_draft (
    id           bigserial    primary key,
    owner_id     bigint       not null references app_user (id) on delete cascade,
    source_name  varchar(200),
    source_text  text         not null,
    state        jsonb        not null,
    version      integer      not null default 0,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null
);
create index plan_import_draft_owner_idx on plan_import_draft (owner_id);
create index plan_import_draft_expiry_idx on plan_import_draft (expires_at);
