-- Checkers per test, a teacher's checker program and source limit per task, compiler messages per submission.
alter table test_case add column checker text not null default 'EXACT'
    check (checker in ('EXACT', 'WHITESPACE', 'FLOAT', 'PROGRAM'));
alter table test_case add column tolerance double precision not null default 1e-6;
alter table coding_task add column checker_source text;
alter table coding_task add column max_source_kib integer;
alter table code_submission add column compile_output text;
alter table code_submission add column queued_at timestamptz;
update code_submission set queued_at = created_at;
alter table code_submission alter column queued_at set not null;
create index code_submission_task_created on code_submission (task_id, created_at desc);
