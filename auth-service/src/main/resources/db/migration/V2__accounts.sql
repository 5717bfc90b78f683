-- auth-service: schools (tenants), their users and refresh-token families.

create table tenant (
    id         uuid primary key,
    slug       text        not null unique,
    name       text        not null,
    created_at timestamptz not null
);

create table app_user (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id),
    email         text        not null,
    name          text        not null,
    role          text        not null check (role in ('ADMIN', 'TEACHER', 'STUDENT', 'PARENT')),
    password_hash text        not null,
    active        boolean     not null default true,
    created_at    timestamptz not null
);
-- One account per e-mail address in a school; e-mail addresses compare case-insensitively.
create unique index app_user_email on app_user (tenant_id, lower(email));

-- Opaque refresh tokens, stored only as SHA-256 hashes. A family is one login session: each refresh
-- rotates to a new token of the same family; presenting a rotated token again revokes the family.
create table refresh_token (
    id          uuid primary key,
    tenant_id   uuid        not null,
    user_id     uuid        not null references app_user (id),
    family_id   uuid        not null,
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
