-- lab-service's copy of an assignment follows learning's kelas.learning.assignment.updated (the version orders
-- them: an older change is skipped) and .deleted (the assignment's tasks are archived; the copy stays for the record).
alter table lab_assignment add column version int not null default 0;
alter table lab_assignment add column deleted_at timestamptz;
