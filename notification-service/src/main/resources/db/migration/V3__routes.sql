-- Routing as data: which event notifies which agencies, with what urgency and which text.
-- event:     the event name (CaseStepRecorded's name, such as CaseScreened, or the record's name, such as TaskCreated)
-- conditions: facts the event must carry, all of them, such as {"riskLevel": "HIGH"}
-- targets:   agency ids, or @fact for the agencies an event names: @candidateGroups, @agencies, @escalatedTo
-- template:  the text to render, or @template for the one a NotificationRequested names
create table route (
    id          bigint generated always as identity primary key,
    event_name  varchar(100) not null,
    conditions  jsonb        not null default '{}',
    targets     jsonb        not null,
    urgency     varchar(10)  not null check (urgency in ('NORMAL', 'URGENT')),
    template    varchar(100) not null,
    description varchar(500),
    updated_at  timestamptz  not null default now()
);
create index route_by_event on route (event_name);

insert into route (event_name, conditions, targets, urgency, template, description) values
('TaskCreated', '{}', '["@candidateGroups"]', 'NORMAL', 'task-created',
    'A new task tells the agencies that may take it.'),
('DeadlineMissed', '{}', '["supervisors"]', 'URGENT', 'deadline-missed',
    'A missed deadline is escalated to the supervisors.'),
('NotificationRequested', '{}', '["@agencies"]', 'NORMAL', '@template',
    'The procedure names the agencies, the text, the urgency and the deadline itself (notify-agencies).'),
('CaseReported', '{"immediateDanger": "true"}', '["emergency-centre"]', 'URGENT', 'case-reported',
    'A child in immediate danger: the emergency service stands ready before screening.'),
('CaseReported', '{"concerns": "TRAFFICKING_SUSPECTED"}', '["krat", "police"]', 'NORMAL', 'trafficking-case-opened',
    'Suspected trafficking: KRAT and the police (anti-trafficking unit) are told, as the referral mechanism asks.'),
('CaseScreened', '{"riskLevel": "HIGH"}', '["cpu", "emergency-centre"]', 'URGENT', 'case-screened-high-risk',
    'High risk: first contact at once and an emergency measure.'),
('EmergencyMeasureTaken', '{}', '["emergency-centre"]', 'NORMAL', 'case-step',
    'The emergency service takes the child in (up to 72 hours).'),
('PlacementStarted', '{}', '["shelter"]', 'NORMAL', 'case-step',
    'The placement provider receives the child.'),
('ProtectionPlanApproved', '{}', '["cpu"]', 'NORMAL', 'case-step',
    'The Child Protection Unit follows the approved plan.'),
('CaseClosed', '{}', '["cpu"]', 'NORMAL', 'case-step',
    'The Child Protection Unit hears that the case is closed.'),
('JointInterviewHeld', '{"outcome": "POTENTIAL_VICTIM"}', '["krat"]', 'NORMAL', 'case-step',
    'A potential victim of trafficking identified: KRAT keeps count.'),
('AgencyEventReceived', '{"kind": "CourtDecisionRecorded"}', '["cpu"]', 'NORMAL', 'agency-event-received',
    'A court decision arrived: the Child Protection Unit acts on it.'),
('CaseReopened', '{}', '["cpu"]', 'NORMAL', 'case-reopened',
    'A reopened case goes back to assessment.');
