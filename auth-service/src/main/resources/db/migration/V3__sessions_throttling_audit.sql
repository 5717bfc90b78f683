-- auth-service: session metadata and idle expiry, token revocation, login throttling, password
-- resets, the audit log and tenant settings.

-- A session (refresh-token family) shows where and when it was used; each row records its use.
alter table refresh_token add column last_used_at timestamptz;
alter table refresh_token add column user_agent text;
alter table refresh_token add column ip text;
create index refresh_token_user on refresh_token (user_id) where revoked_at is null and rotated_at is null;

-- Access tokens of the user issued at or before this instant are void (see kelas.auth.user.access-revoked).
alter table app_user add column tokens_void_up_to timestamptz;
alter table app_user add column updated_at timestamptz;
create index app_user_tenant_name on app_user (tenant_id, lower(name));

alter table tenant add column settings text not null default '{}'; -- a JSON object

-- Failed-login counters, one row per key: 'account:<tenant>:<e-mail>', 'ip:<address>' or
-- 'pair:<tenant>:<e-mail>:<address>'. A window is one hour from its first failure.
create table login_failure (
    key               text primary key,
    failures          integer     not null,
    window_started_at timestamptz not null,
    last_failure_at   timestamptz not null,
    blocked_until     timestamptz
);

-- Addresses a user has logged in from successfully: they keep working while the account is under attack.
create table known_login_source (
    user_id      uuid        not null references app_user (id),
    ip           text        not null,
    last_seen_at timestamptz not null,
    primary key (user_id, ip)
);

-- Password-reset tokens, stored only as SHA-256 hashes; single use.
create table password_reset_token (
    token_hash text primary key,
    tenant_id  uuid        not null,
    user_id    uuid        not null references app_user (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- Who did what to which account, when and from where. Written in the transaction of the change.
create table audit_log (
    id          uuid primary key,
    tenant_id   uuid        not null,
    actor_id    uuid,
    action      text        not null,
    target_type text        not null,
    target_id   uuid,
    details     text        not null default '{}',  -- a JSON object
    ip          text,
    user_agent  text,
    at          timestamptz not null
);
create index audit_log_tenant_at on audit_log (tenant_id, at desc);
