-- lab-service: projections it needs from learning-service, coding tasks, submissions and verdicts.

-- From kelas.learning.assignment.published: which class a (CODING) assignment belongs to, and its teacher.
create table lab_assignment (
    assignment_id uuid primary key,
    tenant_id     uuid          not null,
    class_id      uuid          not null,
    teacher_id    uuid          not null,
    kind          text          not null,
    title         text          not null,
    points        numeric(8, 2) not null
);

-- From kelas.learning.enrollment.created: who may submit to a class's tasks.
create table lab_enrollment (
    class_id   uuid not null,
    student_id uuid not null,
    tenant_id  uuid not null,
    primary key (class_id, student_id)
);

create table coding_task (
    id            uuid primary key,
    tenant_id     uuid          not null,
    class_id      uuid          not null,
    assignment_id uuid          not null,
    teacher_id    uuid          not null,
    title         text          not null,
    language      text          not null,
    statement     text          not null,
    cpu_seconds   integer       not null,
    wall_seconds  numeric(6, 2) not null,
    memory_mib    integer       not null,
    output_kib    integer       not null,
    max_processes integer       not null,
    created_by    uuid          not null,
    created_at    timestamptz   not null
);

create table test_case (
    id              uuid primary key,
    task_id         uuid          not null references coding_task (id),
    ordinal         integer       not null,
    stdin           text          not null,
    expected_stdout text          not null,
    hidden          boolean       not null,
    points          numeric(8, 2) not null check (points >= 0),
    unique (task_id, ordinal)
);

create table code_submission (
    id          uuid primary key,
    tenant_id   uuid          not null,
    task_id     uuid          not null references coding_task (id),
    student_id  uuid          not null,
    language    text          not null,
    source_code text          not null,
    status      text          not null check (status in ('QUEUED', 'RUNNING', 'GRADED', 'FAILED')),
    verdict     text,
    score       numeric(8, 2),
    max_score   numeric(8, 2),
    error       text,
    created_at  timestamptz   not null,
    started_at  timestamptz,
    graded_at   timestamptz
);
create index code_submission_task_student on code_submission (task_id, student_id);

create table submission_test_result (
    id            uuid primary key,
    submission_id uuid          not null references code_submission (id),
    ordinal       integer       not null,
    verdict       text          not null,
    points        numeric(8, 2) not null,
    wall_millis   integer       not null,
    stdout        text          not null,
    unique (submission_id, ordinal)
);
