-- The short reference a person says on the phone (2026-00042): the year of the report and a number.
-- The year is Albania's; cases reported before this version are numbered in the order they came.
create sequence case_reference_number;
alter table case_file add column reference varchar(20);
update case_file c set reference = to_char(c.reported_at at time zone 'Europe/Tirane', 'YYYY') || '-' || lpad(n.number::text, 5, '0')
from (select id, row_number() over (order by reported_at, id) as number from case_file) n
where n.id = c.id;
select setval('case_reference_number', greatest((select count(*) from case_file), 1), (select count(*) from case_file) > 0);
alter table case_file alter column reference set not null;
alter table case_file add constraint case_file_reference_unique unique (reference);
create index case_file_by_reported_at on case_file (reported_at desc, id);

-- The procedure's tasks on each case, from TaskCreated / TaskCompleted: what is open, for whom, and by when.
create table case_task (
    task_id      varchar(64)  primary key,
    case_id      uuid         not null references case_file (id),
    task_key     varchar(100) not null,
    task_name    varchar(300) not null,
    agencies     varchar(500) not null,
    due_at       timestamptz,
    created_at   timestamptz  not null,
    completed_at timestamptz,
    completed_by varchar(100),
    -- Ended without being completed: the procedure moved past it (TaskCancelled, or the case closed).
    cancelled    boolean      not null default false
);
create index case_task_by_case on case_task (case_id, created_at);
create index case_task_open_due on case_task (due_at) where completed_at is null;

-- Every deadline of the procedure that passed with its work undone (DeadlineMissed).
create table case_deadline_missed (
    event_id     varchar(64)  primary key,
    case_id      uuid         not null references case_file (id),
    deadline     varchar(100) not null,
    task_key     varchar(100),
    task_name    varchar(300),
    due_at       timestamptz  not null,
    missed_at    timestamptz  not null,
    escalated_to varchar(500) not null
);
create index case_deadline_missed_by_case on case_deadline_missed (case_id, due_at);

-- The decisions taken on a case: the procedure's steps with an outcome (screening, measures, placement,
-- closure) and the decisions other agencies send (a court decision).
create table case_decision (
    event_id    varchar(64)  primary key,
    case_id     uuid         not null references case_file (id),
    name        varchar(100) not null,
    outcome     varchar(200),
    risk_level  varchar(10),
    decided_by  varchar(100) not null,
    decided_at  timestamptz  not null
);
create index case_decision_by_case on case_decision (case_id, decided_at);

-- Where each notification about a case stands, per agency and channel (NotificationDeliveryChanged);
-- never its text. A later state of a delivery replaces an earlier one.
create table case_notification (
    delivery_id     varchar(64)  primary key,
    case_id         uuid         not null references case_file (id),
    notification_id varchar(64)  not null,
    agency          varchar(64)  not null,
    channel         varchar(20)  not null,
    status          varchar(20)  not null,
    attempts        int          not null,
    about           varchar(100) not null,
    urgent          boolean      not null,
    first_at        timestamptz  not null,
    changed_at      timestamptz  not null
);
create index case_notification_by_case on case_notification (case_id, first_at);
create index case_participant_by_agency on case_participant (agency, case_id);
