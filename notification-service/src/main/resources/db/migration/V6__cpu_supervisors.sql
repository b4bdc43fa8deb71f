-- The CPU's supervisors, who approve the CPU's protection plans and closures (their tasks are offered to
-- the group cpu-supervisors). The contacts are EXAMPLES, as in V2: replace them over REST.
insert into agency (id, name, email, phone, on_call_always, on_call_days, on_call_from, on_call_to, notes) values
('cpu-supervisors', 'Mbikëqyrësit e Njësisë për Mbrojtjen e Fëmijës (NJMF), Bashkia Durrës', 'njmf-mbikeqyresit@durres.example.org',
    '+355 52 000 011', false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).')
on conflict (id) do nothing;
