-- One row per case, locked (select ... for update) by whoever correlates a message for the case or
-- takes a kept one, so the two cannot miss each other.
create table case_lock (
    case_id varchar(64) primary key
);

-- Messages that arrived before their process waited for them (see EarlyMessages).
create table early_message (
    id           bigserial    primary key,
    case_id      varchar(64)  not null,
    message_name varchar(100) not null,
    variables    text         not null,
    received_at  timestamptz  not null default now()
);
create index early_message_by_case on early_message (case_id, message_name, id);
