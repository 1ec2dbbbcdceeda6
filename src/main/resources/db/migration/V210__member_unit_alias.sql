-- Other names of a member unit as plan documents write them (县科创中心 for 县科技创新中心, 县市场监管局 for
-- 县市场监督管理局 …). alias_key is the normalised form (org.kepu.organization.UnitNames.key: NFKC, no spaces,
-- lower case) the name matching compares; unique per division so that a written name leads to one unit only.
create table member_unit_alias (
    id             bigserial    primary key,
    unit_id        bigint       not null references member_unit (id) on delete cascade,
    division_code  varchar(12)  not null references division (code),
    alias          varchar(100) not null,
    alias_key      varchar(100) not null,
    created_at     timestamptz  not null default now(),
    unique (division_code, alias_key)
);
create index member_unit_alias_unit_idx on member_unit_alias (unit_id);
