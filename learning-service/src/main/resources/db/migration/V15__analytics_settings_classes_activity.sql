-- Analytics, continued (issue 18): the school's analytics setting, the classes of the read model (term and grade
-- level, for grade-level leaderboards and the admin overview), the subject of work and register sessions, and who was
-- active on which day. Everything but analytics_setting is written only by the learning-analytics-* consumers.

-- A school's analytics setting; a school without a row uses kelas.learning.analytics.student-leaderboards.
create table analytics_setting (
    tenant_id            uuid primary key,
    student_leaderboards boolean     not null,
    updated_at           timestamptz not null
);

-- A class as kelas.learning.class.changed last described it (id = class id).
create table analytics_class (
    id          uuid primary key,
    tenant_id   uuid        not null,
    name        text        not null,
    term_id     uuid,
    grade_level smallint,
    teacher_id  uuid,
    archived    boolean     not null default false,
    changed_at  timestamptz not null
);
create index analytics_class_grade on analytics_class (tenant_id, term_id, grade_level);

-- The subject an assignment counts toward and a register session's subject (null: none, or an older event).
alter table analytics_assignment add column subject_id uuid;
alter table analytics_attendance add column subject_id uuid;
create index analytics_assignment_subject on analytics_assignment (tenant_id, subject_id);

-- A user did something that produced an event on that (UTC) day: handed in, submitted code, marked a register,
-- wrote a behaviour note, published an assignment.
create table analytics_activity (
    tenant_id uuid not null,
    day       date not null,
    user_id   uuid not null,
    primary key (tenant_id, day, user_id)
);
