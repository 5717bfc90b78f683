-- notification-service: class chat and study rooms.
-- A class's own room has the class's id; a study room a teacher opens has its own id and belongs to a
-- class. Either way only the class's members (class_member) may join, read or send.
create table chat_room (
    id         uuid primary key,
    tenant_id  uuid        not null,
    class_id   uuid        not null,
    kind       text        not null check (kind in ('CLASS', 'STUDY')),
    name       text        not null,
    created_by uuid,
    created_at timestamptz not null,
    closed_at  timestamptz
);
create index chat_room_class on chat_room (tenant_id, class_id);

create table chat_message (
    id         bigserial primary key,
    room_id    uuid        not null references chat_room (id),
    tenant_id  uuid        not null,
    sender_id  uuid        not null,
    body       text        not null,
    sent_at    timestamptz not null,
    deleted_at timestamptz,
    deleted_by uuid
);
create index chat_message_room on chat_message (room_id, id desc);
