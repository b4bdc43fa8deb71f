-- The inbox: what each agency was told, in its language, and whether it acknowledged it.
alter table notification alter column message type text;
alter table notification add column event_name varchar(100);
update notification set event_name = event_type;
alter table notification alter column event_name set not null;
alter table notification add column title varchar(500);
update notification set title = left(message, 500);
alter table notification alter column title set not null;
alter table notification add column language varchar(2) not null default 'en';
alter table notification alter column language drop default;
alter table notification add column link varchar(2000);
alter table notification add column urgent boolean not null default false;
alter table notification add column due_at timestamptz;
alter table notification add column acknowledged_at timestamptz;
alter table notification add column acknowledged_by varchar(100);
drop index notification_by_agency;
create index notification_inbox on notification (agency, urgent desc, created_at desc);
create index notification_unread on notification (agency) where acknowledged_at is null;

-- One delivery per notification and channel, so each event reaches each agency once on each channel
-- however often the event is delivered. The worker claims due rows with FOR UPDATE SKIP LOCKED and a
-- lease (next_attempt_at), so a send cut short by a restart is picked up again when the lease ends.
create table delivery (
    id              uuid          primary key,
    notification_id uuid          not null references notification (id),
    agency          varchar(50)   not null,
    channel         varchar(20)   not null check (channel in ('INBOX', 'EMAIL', 'SMS', 'WEBHOOK')),
    status          varchar(20)   not null check (status in ('PENDING', 'SENT', 'FAILED', 'RETRYING', 'GIVEN_UP')),
    attempts        int           not null default 0,
    next_attempt_at timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    unique (notification_id, channel)
);
create index delivery_due on delivery (channel, next_attempt_at) where status in ('PENDING', 'RETRYING');
create index delivery_by_status on delivery (status, updated_at desc);

-- Every try of a delivery. An attempt without outcome was cut short (the service stopped mid-send).
create table delivery_attempt (
    delivery_id uuid          not null references delivery (id),
    attempt     int           not null,
    started_at  timestamptz   not null,
    finished_at timestamptz,
    outcome     varchar(20)   check (outcome in ('SENT', 'FAILED', 'REJECTED')),
    error       varchar(1000),
    primary key (delivery_id, attempt)
);
