-- Student records and parent accounts (issue 15): a student's record kept by the school's administrators, its
-- guardian contacts, and the PARENT accounts linked to their children.

-- One record per student (id = the student's user id).
create table student_record (
    id                uuid primary key,
    tenant_id         uuid        not null,
    student_number    text        not null check (length(student_number) between 1 and 32),
    date_of_birth     date        not null,
    grade_level       smallint    check (grade_level between 1 and 13),
    homeroom_class_id uuid        references school_class (id),
    version           integer     not null default 0,
    updated_at        timestamptz not null,
    constraint student_record_number_unique unique (tenant_id, student_number)
);

-- A record's guardian contacts in the order the school gave them (replaced whole on every update).
create table student_guardian_contact (
    id           uuid primary key,
    tenant_id    uuid     not null,
    record_id    uuid     not null references student_record (id) on delete cascade,
    position     smallint not null,
    name         text     not null,
    relationship text     not null,
    email        text,
    phone        text,
    unique (record_id, position)
);

-- A PARENT account linked to a STUDENT of the same school: the parent reads what the student reads of their own.
create table guardian_link (
    id         uuid primary key,
    tenant_id  uuid        not null,
    student_id uuid        not null,
    parent_id  uuid        not null,
    created_at timestamptz not null,
    unique (tenant_id, student_id, parent_id)
);
create index guardian_link_parent on guardian_link (tenant_id, parent_id);
