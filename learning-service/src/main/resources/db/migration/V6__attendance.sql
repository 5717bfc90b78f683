-- The register (issue 11): attendance statuses and settings per school, register sessions, marks,
-- the append-only trail of mark changes, and the absence limits already announced.

-- A school's attendance statuses. A school without rows uses PRESENT (2), LATE (1), EXCUSED (2), ABSENT (0, absence).
create table attendance_status (
    id                uuid primary key,
    tenant_id         uuid          not null,
    code              text          not null,
    label             text          not null,
    points            numeric(5, 2) not null check (points >= 0),
    counts_as_absence boolean       not null,
    position          integer       not null,
    unique (tenant_id, code)
);

-- A school's attendance rules; a school without a row uses absence limit 10 and 3 lates per absence.
create table attendance_setting (
    tenant_id         uuid primary key,
    absence_limit     integer     not null check (absence_limit > 0),
    lates_per_absence integer     not null check (lates_per_absence >= 0),
    updated_at        timestamptz not null
);

-- A register session, stored when first marked (LESSON, DAILY) or when added (EXTRA). date is the school's local date.
create table attendance_session (
    id         uuid primary key,
    tenant_id  uuid        not null,
    class_id   uuid        not null references school_class (id),
    kind       text        not null check (kind in ('LESSON', 'DAILY', 'EXTRA')),
    date       date        not null,
    slot_id    uuid references schedule_slot (id),
    subject_id uuid references subject (id),
    teacher_id uuid,
    starts_at  time,
    ends_at    time,
    title      text,
    created_by uuid        not null,
    created_at timestamptz not null,
    check ((kind = 'LESSON') = (slot_id is not null)),
    check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create unique index attendance_session_lesson on attendance_session (class_id, date, slot_id) where kind = 'LESSON';
create unique index attendance_session_daily on attendance_session (class_id, date) where kind = 'DAILY';
create index attendance_session_class_date on attendance_session (tenant_id, class_id, date);

-- One student's mark in a session; status is the school's status code.
create table attendance_mark (
    id            uuid primary key,
    tenant_id     uuid        not null,
    session_id    uuid        not null references attendance_session (id),
    student_id    uuid        not null,
    enrollment_id uuid        not null references enrollment (id),
    status        text        not null,
    minutes_late  integer check (minutes_late between 0 and 600),
    remark        text,
    marked_by     uuid        not null,
    marked_at     timestamptz not null,
    unique (session_id, student_id)
);
create index attendance_mark_student on attendance_mark (tenant_id, student_id);
create index attendance_mark_status on attendance_mark (tenant_id, status);

-- Every change of an existing mark: who, when, old and new status and remark, why. Append-only.
create table attendance_mark_change (
    id         uuid primary key,
    tenant_id  uuid        not null,
    mark_id    uuid        not null references attendance_mark (id),
    session_id uuid        not null references attendance_session (id),
    student_id uuid        not null,
    old_status text        not null,
    new_status text        not null,
    old_remark text,
    new_remark text,
    reason     text,
    changed_by uuid        not null,
    changed_at timestamptz not null
);
create index attendance_mark_change_session on attendance_mark_change (session_id, changed_at);

create function attendance_mark_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'attendance_mark_change is an audit trail: rows are never changed or deleted';
end $$;
create trigger attendance_mark_change_no_update before update or delete on attendance_mark_change
    for each row execute function attendance_mark_change_append_only();

-- An enrollment whose absences reached the school's limit: kelas.learning.attendance.absence-limit-reached went out once.
create table attendance_limit_notice (
    enrollment_id uuid primary key references enrollment (id),
    tenant_id     uuid        not null,
    absences      integer     not null,
    absence_limit integer     not null,
    reached_at    timestamptz not null
);
