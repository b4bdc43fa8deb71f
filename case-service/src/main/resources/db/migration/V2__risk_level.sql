-- The risk level the case was last screened at (HIGH, MEDIUM, LOW), from the CaseScreened step.
alter table case_file add column risk_level varchar(10);
