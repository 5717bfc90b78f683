-- notification-service: each user's notifications.
--
-- seq numbers one user's notifications 1, 2, 3, ... in commit order and is the SSE event id, so
-- Last-Event-ID replays exactly what came after. A global bigserial would not do: two transactions can
-- take ids 1 and 2 and commit as 2, then 1, and a client that saw 2 would never be sent 1.
create table notification_sequence (
    user_id   uuid primary key,
    tenant_id uuid   not null,
    last_seq  bigint not null
);

create table notification (
    id         bigserial primary key,
    seq        bigint      not null,
    event_id   uuid        not null,
    tenant_id  uuid        not null,
    user_id    uuid        not null,
    type       text        not null,
    title      text        not null,
    body       text        not null,
    data       text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    unique (event_id, user_id),
    unique (user_id, seq)
);
create index notification_user on notification (tenant_id, user_id, seq desc);
