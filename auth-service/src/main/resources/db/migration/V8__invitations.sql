-- Invitations (issue 15): an administrator invites someone by e-mail; the invitee chooses a password through a
-- single-use link, which also proves the address. Tokens are stored only as SHA-256 hashes.
create table invitation (
    id          uuid primary key,
    tenant_id   uuid        not null references tenant (id),
    email       text        not null,
    name        text        not null,
    role        text        not null check (role in ('ADMIN', 'TEACHER', 'STUDENT', 'PARENT')),
    token_hash  text        not null unique,
    -- PENDING until accepted or revoked; a pending one past expires_at reads as EXPIRED, and is stored as EXPIRED
    -- when a new invitation replaces it.
    status      text        not null check (status in ('PENDING', 'ACCEPTED', 'EXPIRED', 'REVOKED')),
    invited_by  uuid        not null,
    created_at  timestamptz not null,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    user_id     uuid references app_user (id),
    revoked_at  timestamptz
);
-- One pending invitation per address in a school; addresses compare case-insensitively.
create unique index invitation_pending_email on invitation (tenant_id, lower(email)) where status = 'PENDING';
create index invitation_tenant_created on invitation (tenant_id, created_at desc);

-- When the account's e-mail address was proven (an accepted invitation, a verification link); null: not known.
alter table app_user add column email_verified_at timestamptz;

-- Self-registration with a class join code (issue 15): off unless the school's administrators turn it on.
alter table tenant add column self_registration boolean not null default false;

-- auth-service's copy of the classes' join codes (kelas.learning.class.join-code-changed); learning-service owns them.
create table class_join_code (
    id         uuid primary key,               -- the class's id
    tenant_id  uuid        not null,
    code       text        not null,
    class_name text,
    changed_at timestamptz not null           -- the event's occurredAt: an older event changes nothing
);
create index class_join_code_code on class_join_code (tenant_id, upper(code));

-- A self-registered account waits (inactive) until its address is proven with this single-use token.
create table email_verification_token (
    token_hash text primary key,
    tenant_id  uuid        not null,
    user_id    uuid        not null references app_user (id),
    class_id   uuid        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
