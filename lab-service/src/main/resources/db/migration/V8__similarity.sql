-- lab-service: similarity checks (issue 13). A teacher's check compares the latest submission of each student
-- of a task (in one language) with JPlag in the background and keeps the pairs at or above its threshold.
create table similarity_check (
    id                    uuid primary key,
    tenant_id             uuid             not null,
    task_id               uuid             not null references coding_task (id) on delete cascade,
    requested_by          uuid             not null,
    language              text             not null,
    -- 0..1: pairs whose average similarity is at least this are kept
    threshold             double precision not null,
    -- QUEUED, RUNNING, FINISHED, FAILED
    status                text             not null,
    -- submissions JPlag compared (those it could parse), and those left out over kelas.lab.similarity.max-submissions
    submissions_compared  integer,
    submissions_omitted   integer,
    error                 text,
    created_at            timestamptz      not null,
    started_at            timestamptz,
    finished_at           timestamptz
);

create index similarity_check_task on similarity_check (tenant_id, task_id, created_at desc);

-- One pair of submissions at or above the check's threshold; matches is a JSON array of
-- {fileA, startLineA, endLineA, fileB, startLineB, endLineB, tokens}.
create table similarity_pair (
    id           uuid primary key,
    tenant_id    uuid             not null,
    check_id     uuid             not null references similarity_check (id) on delete cascade,
    submission_a uuid             not null,
    student_a    uuid             not null,
    submission_b uuid             not null,
    student_b    uuid             not null,
    similarity   double precision not null,
    matches      text             not null
);

create index similarity_pair_check on similarity_pair (check_id, similarity desc);
