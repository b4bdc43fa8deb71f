-- The Responsible Authority of the National Referral Mechanism for victims of trafficking, told when a
-- case enters the anti-trafficking track. The contacts are EXAMPLES, as in V2: replace them over REST.
insert into agency (id, name, email, phone, on_call_always, on_call_days, on_call_from, on_call_to, notes) values
('responsible-authority', 'Autoriteti Përgjegjës i Mekanizmit Kombëtar të Referimit (Zyra e Koordinatorit Kombëtar kundër Trafikimit)',
    'autoriteti@antitrafik.example.org', '+355 4 000 0010', false, 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', '08:00', '16:00',
    'Shembull: kontaktet janë vendmbajtëse (example contacts, replace them).')
on conflict (id) do nothing;
