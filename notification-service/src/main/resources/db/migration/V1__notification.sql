-- One notification per event and agency: a redelivered event cannot notify an agency twice.
create table notification (
    id         uuid         primary key,
    agency     varchar(50)  not null,
    case_id    varchar(64)  not null,
    event_id   varchar(64)  not null,
    event_type varchar(100) not null,
    message    varchar(1000) not null,
    created_at timestamptz  not null,
    unique (event_id, agency)
);
create index notification_by_agency on notification (agency, created_at desc);
