-- Analytics read model: copies of published events, kept only by the learning-analytics-* JetStream consumers
-- (dev.kelas.learning.analytics). Dashboards and leaderboards read these tables and never the transactional ones.
-- Every row is keyed by the id of the fact it copies, so applying an event again (a redelivery, a rebuild
-- replaying the streams) sets the same values: the model is a function of the events.

create table analytics_enrollment (
    id         uuid primary key,            -- the enrollment id
    tenant_id  uuid        not null,
    class_id   uuid        not null,
    student_id uuid        not null,
    status     text        not null check (status in ('ACTIVE', 'TRANSFERRED', 'WITHDRAWN')),
    since      timestamptz not null
);
create index analytics_enrollment_class on analytics_enrollment (tenant_id, class_id);
create index analytics_enrollment_student on analytics_enrollment (tenant_id, student_id);

create table analytics_assignment (
    id           uuid primary key,          -- the assignment id
    tenant_id    uuid        not null,
    class_id     uuid        not null,
    title        text        not null,
    kind         text        not null,
    points       numeric     not null,
    due_at       timestamptz,
    published_at timestamptz not null
);
create index analytics_assignment_class on analytics_assignment (tenant_id, class_id);

create table analytics_hand_in (
    id            uuid primary key,         -- the submission id
    tenant_id     uuid        not null,
    assignment_id uuid        not null,
    class_id      uuid        not null,
    student_id    uuid        not null,
    late          boolean     not null,
    handed_in_at  timestamptz not null
);
create index analytics_hand_in_student on analytics_hand_in (tenant_id, student_id);
create index analytics_hand_in_class on analytics_hand_in (tenant_id, class_id);

create table analytics_grade (
    id             uuid primary key,        -- the grade id
    tenant_id      uuid        not null,
    assignment_id  uuid        not null,
    class_id       uuid        not null,
    student_id     uuid        not null,
    title          text,
    max_score      numeric,
    recorded_score numeric,                 -- the teacher's latest score (not shown to the student)
    recorded_at    timestamptz,
    released       boolean     not null default false,
    released_score numeric,                 -- what the student sees; 0 when excused
    excused        boolean     not null default false,
    released_at    timestamptz
);
create index analytics_grade_student on analytics_grade (tenant_id, student_id);
create index analytics_grade_class on analytics_grade (tenant_id, class_id);

create table analytics_attendance (
    id         uuid primary key,            -- name-based UUID of (session id, student id)
    tenant_id  uuid    not null,
    session_id uuid    not null,
    class_id   uuid    not null,
    student_id uuid    not null,
    day        date    not null,
    status     text    not null,
    absence    boolean not null
);
create index analytics_attendance_student on analytics_attendance (tenant_id, student_id);
create index analytics_attendance_class on analytics_attendance (tenant_id, class_id);

create table analytics_behavior (
    id                 uuid primary key,    -- the note id
    tenant_id          uuid    not null,
    class_id           uuid    not null,
    student_id         uuid    not null,
    points             integer not null,
    visible_to_student boolean not null,
    day                date    not null
);
create index analytics_behavior_student on analytics_behavior (tenant_id, student_id);
create index analytics_behavior_class on analytics_behavior (tenant_id, class_id);

create table analytics_lab_attempt (
    id            uuid primary key,         -- the lab submission id (a regrade overwrites its row)
    tenant_id     uuid        not null,
    task_id       uuid        not null,
    assignment_id uuid,
    class_id      uuid        not null,
    student_id    uuid        not null,
    verdict       text        not null,
    score         numeric     not null,
    max_score     numeric     not null,
    graded_at     timestamptz not null
);
create index analytics_lab_attempt_student on analytics_lab_attempt (tenant_id, student_id);
create index analytics_lab_attempt_class on analytics_lab_attempt (tenant_id, class_id);

-- The time of the newest event applied to a school's read model: the asOf of every response.
create table analytics_watermark (
    tenant_id uuid primary key,
    as_of     timestamptz not null
);
