-- The agencies that take part in a case: their caseworkers may read it. An agency takes part because
-- it reported the case, because the procedure gave it a task, or because the case was shared with it.
create table case_participant (
    case_id uuid        not null references case_file (id),
    agency  varchar(64) not null,
    reason  varchar(20) not null,
    since   timestamptz not null,
    primary key (case_id, agency)
);

-- Each sharing of a case with another agency: on whose consent, or on which supervisor's override.
create table case_share (
    id                uuid          primary key,
    case_id           uuid          not null references case_file (id),
    agency            varchar(64)   not null,
    shared_by         varchar(100)  not null,
    shared_at         timestamptz   not null,
    consent_given_by  varchar(30),
    consent_reference varchar(200),
    override_reason   varchar(1000),
    constraint consent_or_override check ((consent_given_by is null) <> (override_reason is null))
);
create index case_share_by_case on case_share (case_id);

-- Every read and change of a case, and every refused attempt: who, when, what, from where. Never
-- updated or deleted by the service. No foreign key: a refused look at a case that does not exist is
-- recorded too.
create table audit_log (
    id            bigserial     primary key,
    at            timestamptz   not null,
    actor         varchar(100)  not null,
    actor_groups  varchar(500)  not null,
    address       varchar(100),
    action        varchar(40)   not null,
    case_id       uuid,
    outcome       varchar(20)   not null,
    detail        varchar(1200)
);
create index audit_log_by_case on audit_log (case_id, id);
create index audit_log_by_actor on audit_log (actor, id);
