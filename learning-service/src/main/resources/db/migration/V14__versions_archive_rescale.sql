-- learning-service: optimistic concurrency (ETag / If-Match) on what a school edits, archived classes,
-- and the RESCALE entry of the grade audit trail (an assignment's points changed after grading).

alter table assignment add column version integer not null default 0;
alter table term add column version integer not null default 0;
alter table subject add column version integer not null default 0;
alter table grade_component add column version integer not null default 0;
alter table school_class add column version integer not null default 0;
alter table school_class add column archived_at timestamptz;
alter table teaching_assignment add column version integer not null default 0;

alter table grade_change drop constraint grade_change_source_check;
alter table grade_change add constraint grade_change_source_check check (source in ('LAB', 'TEACHER', 'REGRADE', 'RESCALE'));
