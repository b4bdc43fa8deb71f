-- "case" is an SQL keyword: the case record is case_file.
create table case_file (
    id               uuid         primary key,
    status           varchar(30)  not null,
    source           varchar(30)  not null,
    immediate_danger boolean      not null,
    municipality     varchar(100) not null,
    location_details varchar(500),
    narrative        text         not null,
    reporter_name    varchar(200),
    reporter_phone   varchar(50),
    reported_at      timestamptz  not null,
    correlation_id   varchar(100) not null,
    updated_at       timestamptz  not null
);

create table case_concern (
    case_id uuid        not null references case_file (id),
    concern varchar(40) not null,
    primary key (case_id, concern)
);

create table case_child (
    case_id     uuid         not null references case_file (id),
    position    int          not null,
    first_name  varchar(100),
    description varchar(500),
    age_years   int,
    primary key (case_id, position)
);

-- Every event seen for a case, in the order seen; event_id makes a redelivered event a no-op.
create table case_timeline (
    id          bigserial    primary key,
    case_id     uuid         not null references case_file (id),
    event_id    varchar(64)  not null unique,
    event_type  varchar(100) not null,
    occurred_at timestamptz  not null,
    producer    varchar(100) not null,
    summary     varchar(500) not null,
    recorded_at timestamptz  not null default now()
);
create index case_timeline_by_case on case_timeline (case_id, id);
