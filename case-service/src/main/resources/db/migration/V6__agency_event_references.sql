-- An agency's decision is one event however often its system sends it: an agency event with a
-- reference (the court's decision number) is kept by case, kind and reference with what it said and
-- the event it became; the same again is answered with that event, something else under it is refused.
create table agency_event_reference (
    case_id     uuid         not null references case_file (id),
    kind        varchar(100) not null,
    reference   varchar(100) not null,
    outcome     varchar(50),
    event_id    varchar(64)  not null,
    received_at timestamptz  not null default now(),
    primary key (case_id, kind, reference)
);
