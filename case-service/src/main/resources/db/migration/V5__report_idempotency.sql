-- A report sent again with the same Idempotency-Key by the same caller is the same case: the key, a
-- digest of the request it came with (never the request itself), and the case it made.
create table report_idempotency (
    actor           varchar(100) not null,
    idempotency_key varchar(100) not null,
    request_digest  char(64)     not null,
    case_id         uuid         not null references case_file (id),
    created_at      timestamptz  not null,
    primary key (actor, idempotency_key)
);
create index report_idempotency_by_age on report_idempotency (created_at);
