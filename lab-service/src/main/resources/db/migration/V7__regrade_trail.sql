-- A teacher's regrade of a task (issue 13): who asked, when, how many submissions it queued, and per
-- submission the score and verdict before and after, so the teacher gets a summary (see docs/api.md).
create table regrade (
    id               uuid primary key,
    tenant_id        uuid        not null,
    task_id          uuid        not null references coding_task (id),
    requested_by     uuid        not null,
    requested_at     timestamptz not null,
    submission_count integer     not null
);
create index regrade_task on regrade (task_id, requested_at);

create table regrade_submission (
    id               uuid primary key,
    tenant_id        uuid          not null,
    regrade_id       uuid          not null references regrade (id),
    submission_id    uuid          not null references code_submission (id),
    student_id       uuid          not null,
    previous_verdict text,
    previous_score   numeric(8, 2),
    new_verdict      text,
    new_score        numeric(8, 2),
    graded_at        timestamptz,
    unique (regrade_id, submission_id)
);

-- The regrade that last sent the submission to the graders; null while it has only had its first grading.
alter table code_submission add column regrade_id uuid references regrade (id);
