-- lab-service: "Run" (issue 13), code run on the caller's own standard input in the grading sandbox,
-- ungraded. Only a short history is kept: the newest kelas.lab.run.history-size runs per user and task.
create table lab_run (
    id          uuid primary key,
    tenant_id   uuid        not null,
    task_id     uuid        not null references coding_task (id) on delete cascade,
    user_id     uuid        not null,
    language    text        not null,
    source_code text        not null,
    stdin       text        not null,
    -- QUEUED, RUNNING, FINISHED, FAILED
    status      text        not null,
    -- null when the program ended by itself within the limits; else TIME_LIMIT_EXCEEDED, RUNTIME_ERROR, ...
    verdict     text,
    exit_code   integer,
    stdout      text,
    stderr      text,
    -- wall-clock time of the run, milliseconds
    wall_millis integer,
    -- peak resident memory of the program, KiB (null when it could not be measured)
    memory_kib  integer,
    error       text,
    created_at  timestamptz not null,
    started_at  timestamptz,
    finished_at timestamptz
);

create index lab_run_history on lab_run (tenant_id, task_id, user_id, created_at desc);
