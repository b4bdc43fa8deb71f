-- The transactional outbox: an event row is written in the transaction of the change that caused it,
-- and the relay publishes rows in id order, so one case's events leave in the order they were made.
create table outbox_event (
    id             bigserial    primary key,
    topic          varchar(200) not null,
    record_key     varchar(100) not null,
    event_id       varchar(64)  not null unique,
    event_type     varchar(100) not null,
    correlation_id varchar(100) not null,
    producer       varchar(100) not null,
    payload        bytea        not null,
    created_at     timestamptz  not null default now()
);

-- Idempotent consumption: the row saying an event was processed is written in the transaction of its
-- effect, so a redelivered event finds it and has no second effect.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(64)  not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
