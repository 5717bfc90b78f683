-- Behaviour notes (issue 11): a school's categories, teachers' notes on students, and their audit trail.

-- A school's list of behaviour categories; a school without rows uses the default list (created on first use).
create table behavior_category (
    tenant_id      uuid     not null,
    code           text     not null,
    label          text     not null,
    kind           text     not null check (kind in ('POSITIVE', 'NEGATIVE')),
    default_points integer  not null,
    position       smallint not null,
    primary key (tenant_id, code),
    check ((kind = 'POSITIVE' and default_points >= 0) or (kind = 'NEGATIVE' and default_points <= 0))
);

create table behavior_note (
    id                 uuid primary key,
    tenant_id          uuid        not null,
    student_id         uuid        not null,
    class_id           uuid        not null references school_class (id),
    author_id          uuid        not null,
    kind               text        not null check (kind in ('POSITIVE', 'NEGATIVE')),
    category           text        not null,
    points             integer     not null check (points between -100 and 100),
    description        text        not null,
    occurred_on        date        not null,
    visible_to_student boolean     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            integer     not null default 0,
    check ((kind = 'POSITIVE' and points >= 0) or (kind = 'NEGATIVE' and points <= 0))
);
create index behavior_note_student on behavior_note (tenant_id, student_id, occurred_on);
create index behavior_note_class on behavior_note (class_id, occurred_on);

-- Every edit and deletion of a note: who, when, the note before and after (JSON), why. Append-only.
create table behavior_note_change (
    id         uuid primary key,
    tenant_id  uuid        not null,
    note_id    uuid        not null,
    action     text        not null check (action in ('UPDATED', 'DELETED')),
    old_note   text        not null, -- JSON
    new_note   text,          -- JSON, null for a deletion
    reason     text,
    changed_by uuid        not null,
    changed_at timestamptz not null
);
create index behavior_note_change_note on behavior_note_change (note_id, changed_at);

create function behavior_note_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'behavior_note_change is an audit trail: rows are never changed or deleted';
end $$;
create trigger behavior_note_change_no_update before update or delete on behavior_note_change
    for each row execute function behavior_note_change_append_only();
