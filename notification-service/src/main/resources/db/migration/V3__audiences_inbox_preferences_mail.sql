-- notification-service: the local projections audiences are expanded from, per-user preferences,
-- the e-mail outbox and the daily digest. Every projection is kept from events (docs/architecture.md, "How a write crosses services"):
-- this service never reads another service's database.

-- Users of each school, from kelas.auth.user.registered / updated / deactivated / activated.
-- occurred_at is the time of the event last applied, so a late, older update cannot undo a newer one.
create table user_account (
    user_id     uuid primary key,
    tenant_id   uuid        not null,
    email       text,
    name        text        not null,
    role        text        not null,
    active      boolean     not null,
    occurred_at timestamptz not null
);
create index user_account_tenant_role on user_account (tenant_id, role) where active;

-- Who belongs to a class: students from kelas.learning.enrollment.created, the teacher from the teacherId
-- that enrollment.created and assignment.published carry.
create table class_member (
    class_id  uuid        not null,
    user_id   uuid        not null,
    tenant_id uuid        not null,
    role      text        not null check (role in ('STUDENT', 'TEACHER')),
    since     timestamptz not null,
    primary key (class_id, user_id)
);
create index class_member_user on class_member (tenant_id, user_id);

-- Published assignments, for "due soon" reminders and for telling a student enrolled late (whose
-- enrollment event arrived after the assignment's) about an assignment published after they joined.
create table class_assignment (
    assignment_id uuid primary key,
    tenant_id     uuid        not null,
    class_id      uuid        not null,
    title         text        not null,
    due_at        timestamptz,
    published_at  timestamptz not null,
    event_id      uuid        not null,
    reminded_at   timestamptz
);
create index class_assignment_class on class_assignment (class_id, published_at);
create index class_assignment_due on class_assignment (due_at) where reminded_at is null;

-- What a user wants of each notification type; no row means the type's defaults.
create table notification_preference (
    user_id    uuid        not null,
    type       text        not null,
    tenant_id  uuid        not null,
    in_app     boolean     not null,
    email      text        not null check (email in ('OFF', 'IMMEDIATE', 'DAILY_DIGEST')),
    updated_at timestamptz not null,
    primary key (user_id, type)
);

-- Mail waiting to go out, written in the transaction that decided to send it; a sender claims rows,
-- sends over SMTP and deletes them (at-least-once). A row that keeps failing is kept with failed_at.
-- recipient null: the user's address from user_account at sending time (their registration event may
-- arrive after the event that mails them).
create table email_message (
    id              bigserial primary key,
    tenant_id       uuid        not null,
    user_id         uuid,
    recipient       text,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    failed_at       timestamptz
);
create index email_message_due on email_message (next_attempt_at) where failed_at is null;

-- Notifications a user takes as a daily digest, until the digest that lists them is written.
create table digest_item (
    id         bigserial primary key,
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    type       text        not null,
    title      text        not null,
    body       text        not null,
    created_at timestamptz not null
);
create index digest_item_user on digest_item (user_id, id);

-- The inbox: unread count, retention.
create index notification_unread on notification (tenant_id, user_id) where read_at is null;
create index notification_created on notification (created_at);
