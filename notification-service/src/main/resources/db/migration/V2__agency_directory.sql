-- The agency directory: who is told, in which language, on which channels, and when they answer.
-- Channels beyond the inbox are switched on per agency (channels), and only work with their address:
-- EMAIL needs email, SMS needs sms_number, WEBHOOK needs webhook_url and webhook_secret.
create table agency (
    id             varchar(50)   primary key,
    name           varchar(300)  not null,
    language       varchar(2)    not null default 'sq' check (language in ('sq', 'en')),
    email          varchar(320),
    phone          varchar(40),
    sms_number     varchar(40),
    webhook_url    varchar(2000),
    -- The shared secret the webhook body is signed with; the API takes it but never returns it.
    webhook_secret varchar(200),
    channels       varchar(100)  not null default '',
    on_call_always boolean       not null default false,
    on_call_days   varchar(100)  not null default '',
    on_call_from   time,
    on_call_to     time,
    notes          varchar(1000),
    updated_at     timestamptz   not null default now()
);

-- Durrës defaults for the local run and a first installation. The contacts are EXAMPLES (example.org,
-- numbers of zeros): a supervisor replaces them over REST before switching on any channel but the inbox.
insert into agency (id, name, email, phone, on_call_always, on_call_days, on_call_from, on_call_to, notes) values
('cpu', 'Njësia për Mbrojtjen e Fëmijës (NJMF), Bashkia Durrës', 'njmf@durres.example.org', '+355 52 000 001',
    false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('emergency-centre', 'Qendra për Shërbime Mbrojtëse, Fuqizuese dhe Emergjente për Fëmijën dhe Familjen: shërbimi i emergjencës',
    'emergjenca@qendra-durres.example.org', '+355 52 000 002', true, '', null, null,
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('police', 'Policia e Shtetit, Drejtoria Vendore e Policisë Durrës', 'policia@durres.example.org', '+355 52 000 003',
    true, '', null, null, 'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('health', 'Qendra shëndetësore / Spitali Rajonal Durrës', 'shendetesia@durres.example.org', '+355 52 000 004',
    true, '', null, null, 'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('education', 'Zyra Vendore Arsimore Durrës (psikologu i shkollës)', 'arsimi@durres.example.org', '+355 52 000 005',
    false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '15:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('social-service', 'Shërbimi Social Shtetëror, Drejtoria Rajonale Durrës', 'sherbimisocial@durres.example.org', '+355 52 000 006',
    false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('shelter', 'Ofruesit e vendosjes: strehëz emergjente, familje kujdestare, kujdes rezidencial, Qendra Kombëtare e Pritjes së Viktimave të Trafikimit',
    'vendosja@durres.example.org', '+355 52 000 007', true, '', null, null,
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('krat', 'Komiteti Rajonal Antitrafik (KRAT), Sekretariati, Prefektura Durrës', 'krat@prefektura-durres.example.org', '+355 52 000 008',
    false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).'),
('supervisors', 'Mbikëqyrësit (drejtuesit e NJMF, të Qendrës dhe të Drejtorisë së Shërbimit Social)', 'mbikeqyresit@durres.example.org', '+355 52 000 009',
    false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).');
