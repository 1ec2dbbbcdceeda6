-- 成员单位联络员: contact people of a member unit. The phone is personal data, stored encrypted (AES-GCM,
-- org.kepu.shared.PersonalDataCipher); only the office admin sees it unmasked.
create table member_unit_liaison (
    id          bigserial    primary key,
    unit_id     bigint       not null references member_unit (id),
    name        varchar(50)  not null,
    post        varchar(100),
    phone_enc   text,
    email       varchar(100),
    sort_order  integer      not null default 0,
    version     integer      not null default 0,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index member_unit_liaison_unit_idx on member_unit_liaison (unit_id);

-- 牵头部门 (LEAD) / 参与配合部门 (COOPERATING) of a member unit in each of the five key-group actions.
create table member_unit_action_role (
    unit_id    bigint      not null references member_unit (id),
    key_group  varchar(20) not null check (key_group in ('YOUTH', 'FARMER', 'WORKER', 'ELDERLY', 'CADRE')),
    role       varchar(20) not null check (role in ('LEAD', 'COOPERATING')),
    primary key (unit_id, key_group)
);
create index member_unit_action_role_group_idx on member_unit_action_role (key_group, role);
