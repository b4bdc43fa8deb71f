-- Every record a consumer gave up on, with the reason: what operators see and replay after a fix.
-- The same record is also on the topic's .dlt topic for other tools.
create table dead_letter (
    id               bigserial    primary key,
    consumer_group   varchar(100) not null,
    topic            varchar(200) not null,
    partition_no     int          not null,
    record_offset    bigint       not null,
    record_key       varchar(200),
    event_id         varchar(64),
    event_type       varchar(100),
    reason           text         not null,
    payload          bytea,
    dead_lettered_at timestamptz  not null default now(),
    replayed_at      timestamptz,
    unique (consumer_group, topic, partition_no, record_offset)
);
