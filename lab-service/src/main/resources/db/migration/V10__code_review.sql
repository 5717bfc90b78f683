-- lab-service: feedback on code (issue 19). The offline reviewer (static analysis in the sandbox, and what the
-- tests show) writes one review per grading of a submission; a teacher chooses per task whether there is
-- feedback and when students see it.

-- The assignment's due time, from kelas.learning.assignment.published (null for assignments projected before
-- this column existed, or without a due time): "feedback after the due date" is measured against it.
alter table lab_assignment add column due_at timestamptz;

-- A teacher's feedback choice for one task; a task without a row gets the defaults (OFFLINE, IMMEDIATELY).
create table task_feedback_settings (
    task_id    uuid primary key references coding_task (id) on delete cascade,
    tenant_id  uuid        not null,
    -- OFF (no feedback), OFFLINE (the offline reviewer only), AI (providers first, the offline reviewer last)
    mode       text        not null,
    -- IMMEDIATELY, or AFTER_DUE: students see the feedback only once the assignment's due time has passed
    visibility text        not null,
    updated_by uuid        not null,
    updated_at timestamptz not null
);

-- The latest review of a submission: a regrade's review replaces the one before it.
create table code_review (
    submission_id uuid primary key references code_submission (id) on delete cascade,
    tenant_id     uuid        not null,
    task_id       uuid        not null,
    student_id    uuid        not null,
    -- READY, or FAILED (the reviewer could not run: error says why)
    status        text        not null,
    -- who wrote it: "offline", or an AI provider's name
    provider      text        not null,
    model         text,
    -- JSON array of {line, column, severity, message, tool, rule}, in the order the tools reported them
    findings      text        not null,
    -- JSON array of the tools that ran, and of those configured but not installed on this grader
    tools_run     text        not null,
    tools_missing text        not null,
    -- prose feedback (an AI provider's text), null for the offline reviewer
    feedback      text,
    error         text,
    -- how long the review took, milliseconds
    wall_millis   integer     not null,
    created_at    timestamptz not null
);

create index code_review_task on code_review (tenant_id, task_id);
