-- learning-service: the academic year (terms, subjects, teaching assignments, weekly schedule),
-- enrollment history, assignment rules (late policy, attempts, rubric), submissions and stored files,
-- the grade audit trail, and the gradebook's configuration per class and subject.

-- A school year's semester. Exactly one term of a school is active (the index makes a second one fail).
create table term (
    id          uuid primary key,
    tenant_id   uuid        not null,
    name        text        not null,
    school_year text        not null,
    semester    smallint    not null check (semester between 1 and 4),
    starts_on   date        not null,
    ends_on     date        not null,
    active      boolean     not null default false,
    created_at  timestamptz not null,
    check (ends_on > starts_on),
    unique (tenant_id, school_year, semester)
);
create unique index term_one_active_per_tenant on term (tenant_id) where active;

create table subject (
    id         uuid primary key,
    tenant_id  uuid        not null,
    code       text        not null,
    name       text        not null,
    created_at timestamptz not null,
    unique (tenant_id, code)
);

-- The parts a subject's grade is made of (assignments, quizzes, mid-term, final exam).
create table grade_component (
    id         uuid primary key,
    tenant_id  uuid        not null,
    subject_id uuid        not null references subject (id),
    name       text        not null,
    position   integer     not null,
    created_at timestamptz not null,
    unique (subject_id, name)
);

-- teacher_id stays the class's responsible (homeroom) teacher.
alter table school_class
    add column term_id     uuid references term (id),
    add column grade_level smallint check (grade_level between 1 and 13);
create index school_class_term on school_class (term_id);
create index school_class_teacher on school_class (teacher_id);

-- Which teacher teaches which subject to which class.
create table teaching_assignment (
    id         uuid primary key,
    tenant_id  uuid        not null,
    class_id   uuid        not null references school_class (id),
    subject_id uuid        not null references subject (id),
    teacher_id uuid        not null,
    created_at timestamptz not null,
    unique (class_id, subject_id, teacher_id)
);
create index teaching_assignment_teacher on teaching_assignment (teacher_id);

-- A weekly lesson. Double-booking is checked by the service under a per-term advisory lock.
create table schedule_slot (
    id          uuid primary key,
    tenant_id   uuid        not null,
    term_id     uuid        not null references term (id),
    class_id    uuid        not null references school_class (id),
    subject_id  uuid        not null references subject (id),
    teacher_id  uuid        not null,
    room        text        not null,
    day_of_week text        not null check (day_of_week in
                    ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    starts_at   time        not null,
    ends_at     time        not null,
    created_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index schedule_slot_term_day on schedule_slot (tenant_id, term_id, day_of_week);

-- Enrollments keep their history: a transfer or withdrawal ends the row instead of deleting it.
alter table enrollment
    add column status         text not null default 'ACTIVE' check (status in ('ACTIVE', 'TRANSFERRED', 'WITHDRAWN')),
    add column ended_at       timestamptz,
    add column end_reason     text,
    add column transferred_to uuid references enrollment (id);
alter table enrollment drop constraint enrollment_class_id_student_id_key;
create unique index enrollment_one_active on enrollment (class_id, student_id) where status = 'ACTIVE';
create index enrollment_student on enrollment (student_id);

alter table assignment
    add column description          text,
    add column subject_id           uuid references subject (id),
    add column component_id         uuid references grade_component (id),
    add column late_policy          text          not null default 'PENALTY' check (late_policy in ('PENALTY', 'REFUSE')),
    add column late_penalty_percent numeric(5, 2) not null default 0 check (late_penalty_percent between 0 and 100),
    add column late_cutoff_at       timestamptz,
    add column max_attempts         integer check (max_attempts > 0),
    add column coding_score_policy  text          not null default 'BEST' check (coding_score_policy in ('BEST', 'LATEST')),
    add column published_at         timestamptz,
    add column grades_released_at   timestamptz;
-- Assignments before this migration were published at creation; CODING scores were always visible in the lab.
update assignment set published_at = created_at where status = 'PUBLISHED';
update assignment set grades_released_at = created_at where kind = 'CODING';
create index assignment_subject on assignment (class_id, subject_id);

create table rubric_criterion (
    id            uuid primary key,
    assignment_id uuid    not null references assignment (id),
    position      integer not null,
    title         text    not null,
    description   text
);
create index rubric_criterion_assignment on rubric_criterion (assignment_id);

create table rubric_level (
    id           uuid primary key,
    criterion_id uuid          not null references rubric_criterion (id),
    position     integer       not null,
    title        text          not null,
    points       numeric(8, 2) not null check (points >= 0)
);
create index rubric_level_criterion on rubric_level (criterion_id);

-- An uploaded file, kept by a FileStorage under storage_key; sha256 is checked on every read.
create table stored_file (
    id           uuid primary key,
    tenant_id    uuid        not null,
    storage_key  text        not null unique,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes >= 0),
    sha256       text        not null,
    created_by   uuid        not null,
    created_at   timestamptz not null
);

create table submission (
    id                   uuid primary key,
    tenant_id            uuid          not null,
    assignment_id        uuid          not null references assignment (id),
    student_id           uuid          not null,
    attempt              integer       not null check (attempt > 0),
    text_body            text,
    link_url             text,
    file_id              uuid references stored_file (id),
    submitted_at         timestamptz   not null,
    late_days            integer       not null default 0,
    late_penalty_percent numeric(5, 2) not null default 0,
    -- Two concurrent hand-ins cannot both be attempt n: the second fails and answers 409.
    unique (assignment_id, student_id, attempt)
);

-- score stays the points that count (after the late penalty); raw_score is what the work earned.
alter table grade
    add column raw_score            numeric(8, 2),
    add column late_penalty_percent numeric(5, 2) not null default 0,
    add column excused              boolean       not null default false,
    add column feedback             text,
    add column submission_id        uuid references submission (id),
    add column graded_by            uuid;
update grade set raw_score = score;
alter table grade alter column raw_score set not null;

-- The rubric level a teacher chose per criterion for a grade.
create table grade_rubric_score (
    grade_id     uuid          not null references grade (id),
    criterion_id uuid          not null references rubric_criterion (id),
    level_id     uuid          not null references rubric_level (id),
    points       numeric(8, 2) not null,
    primary key (grade_id, criterion_id)
);

-- Every change of a grade: old and new value, who (null for a grader's verdict), when and why. Append-only.
create table grade_change (
    id            uuid primary key,
    tenant_id     uuid          not null,
    grade_id      uuid          not null references grade (id),
    assignment_id uuid          not null references assignment (id),
    student_id    uuid          not null,
    old_score     numeric(8, 2),
    new_score     numeric(8, 2) not null,
    old_excused   boolean,
    new_excused   boolean       not null,
    source        text          not null check (source in ('LAB', 'TEACHER')),
    changed_by    uuid,
    reason        text          not null,
    changed_at    timestamptz   not null
);
create index grade_change_grade on grade_change (grade_id, changed_at);

create function grade_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'grade_change is an audit trail: rows are never changed or deleted';
end $$;
create trigger grade_change_no_update before update or delete on grade_change
    for each row execute function grade_change_append_only();

-- How a class's grade in a subject is computed; finalized_at locks it and the grades it covers.
create table grade_config (
    id           uuid primary key,
    tenant_id    uuid        not null,
    class_id     uuid        not null references school_class (id),
    subject_id   uuid        not null references subject (id),
    method       text        not null check (method in ('WEIGHTED', 'AVERAGE')),
    finalized_at timestamptz,
    finalized_by uuid,
    updated_at   timestamptz not null,
    unique (class_id, subject_id)
);

create table grade_config_component (
    id           uuid primary key,
    config_id    uuid          not null references grade_config (id),
    component_id uuid          not null references grade_component (id),
    weight       numeric(5, 2) not null default 0 check (weight between 0 and 100),
    drop_lowest  integer       not null default 0 check (drop_lowest >= 0),
    unique (config_id, component_id)
);

-- When the student submitted (from kelas.lab.submission.graded), for the LATEST scoring policy and late rules.
alter table lab_result add column submitted_at timestamptz;
