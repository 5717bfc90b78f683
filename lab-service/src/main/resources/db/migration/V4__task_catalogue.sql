-- Attempts per CODING assignment, starter code and archiving of tasks.
alter table lab_assignment add column max_attempts integer;
alter table coding_task add column starter_code text;
alter table coding_task add column archived_at timestamptz;
create index coding_task_class on coding_task (tenant_id, class_id);
