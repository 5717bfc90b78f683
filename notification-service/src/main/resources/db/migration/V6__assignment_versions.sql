-- notification-service: follow changed assignments (kelas.learning.assignment.updated). version orders the changes
-- of one assignment, so a redelivered older change does not undo a newer one.
alter table class_assignment add column version integer not null default 0;
