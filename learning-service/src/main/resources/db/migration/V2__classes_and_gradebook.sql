-- learning-service: its projection of users, classes, enrollments, assignments and grades.

-- Local copy of auth-service's users, kept from kelas.auth.user.* events (docs/architecture.md, "How a write crosses services").
create table member (
    user_id    uuid primary key,
    tenant_id  uuid        not null,
    email      text        not null,
    name       text        not null,
    role       text        not null,
    updated_at timestamptz not null
);
create index member_tenant on member (tenant_id);

create table school_class (
    id         uuid primary key,
    tenant_id  uuid        not null,
    name       text        not null,
    code       text        not null,
    teacher_id uuid        not null,
    created_at timestamptz not null,
    unique (tenant_id, code)
);

create table enrollment (
    id         uuid primary key,
    tenant_id  uuid        not null,
    class_id   uuid        not null references school_class (id),
    student_id uuid        not null,
    created_at timestamptz not null,
    unique (class_id, student_id)
);

create table assignment (
    id         uuid primary key,
    tenant_id  uuid          not null,
    class_id   uuid          not null references school_class (id),
    title      text          not null,
    kind       text          not null check (kind in ('ESSAY', 'FILE', 'LINK', 'CODING')),
    points     numeric(8, 2) not null check (points > 0),
    due_at     timestamptz   not null,
    status     text          not null check (status in ('DRAFT', 'PUBLISHED')),
    created_by uuid          not null,
    created_at timestamptz   not null
);
create index assignment_class on assignment (class_id);

-- One grade per student and assignment; source LAB (a grader's verdict) or TEACHER.
create table grade (
    id            uuid primary key,
    tenant_id     uuid          not null,
    assignment_id uuid          not null references assignment (id),
    student_id    uuid          not null,
    score         numeric(8, 2) not null,
    max_score     numeric(8, 2) not null,
    source        text          not null check (source in ('LAB', 'TEACHER')),
    source_ref    uuid,
    recorded_at   timestamptz   not null,
    unique (assignment_id, student_id)
);
