-- 进度报送: quarterly progress reports of the responsible units on their tasks, and every member unit's annual
-- implementation report (年度落实情况报告, due 12月20日). Part of the plan module (V750-V779).

-- One unit's report on one task for one quarter. division_path is the plan's division (the office's scope);
-- unit_id is the reporting unit (the unit's own scope). figures: [{"label": …, "quantity": …, "unit": …}].
-- activity_ids: activities of the ledger given as evidence (checked against the unit's scope when saved; the
-- activity module owns that table, so no foreign key).
create table progress_report (
    id             bigserial    primary key,
    plan_id        bigint       not null references plan (id) on delete cascade,
    task_id        bigint       not null references plan_task (id) on delete cascade,
    unit_id        bigint       not null references member_unit (id),
    division_path  text         not null,
    year           smallint     not null check (year between 1990 and 2100),
    quarter        smallint     not null check (quarter between 1 and 4),
    progress       varchar(20)  not null check (progress in ('NOT_STARTED', 'ON_TRACK', 'BEHIND', 'DONE')),
    body           text         not null default '',
    figures        jsonb        not null default '[]',
    activity_ids   bigint[]     not null default '{}',
    state          varchar(20)  not null default 'DRAFT'
                   check (state in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    return_reason  varchar(500),
    created_by     bigint       references app_user (id),
    submitted_by   bigint       references app_user (id),
    submitted_at   timestamptz,
    reviewed_by    bigint       references app_user (id),
    reviewed_at    timestamptz,
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    unique (task_id, unit_id, year, quarter)
);
create index progress_report_plan_idx on progress_report (plan_id, year, quarter);
create index progress_report_unit_idx on progress_report (unit_id, year, quarter);
create index progress_report_path_idx on progress_report (division_path text_pattern_ops, state);

-- One member unit's annual implementation report. division_path is the unit's division.
create table progress_annual_report (
    id             bigserial    primary key,
    unit_id        bigint       not null references member_unit (id),
    division_path  text         not null,
    year           smallint     not null check (year between 1990 and 2100),
    body           text         not null default '',
    activity_ids   bigint[]     not null default '{}',
    state          varchar(20)  not null default 'DRAFT'
                   check (state in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    return_reason  varchar(500),
    created_by     bigint       references app_user (id),
    submitted_by   bigint       references app_user (id),
    submitted_at   timestamptz,
    reviewed_by    bigint       references app_user (id),
    reviewed_at    timestamptz,
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    unique (unit_id, year)
);
create index progress_annual_report_path_idx on progress_annual_report (division_path text_pattern_ops, year);
