-- notification-service: each user's notifications. The bigserial id orders them and is the SSE event id,
-- so Last-Event-ID replays exactly what came after.
create table notification (
    id         bigserial primary key,
    event_id   uuid        not null,
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    type       text        not null,
    title      text        not null,
    body       text        not null,
    data       text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    unique (event_id, user_id)
);
create index notification_user on notification (tenant_id, user_id, id desc);
