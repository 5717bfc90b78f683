-- Shared by every Kelas service (kelas-runtime): the transactional outbox and the consumer inbox.
-- docs/architecture.md "How a write crosses services: outbox → JetStream → inbox", docs/messaging.md.

create table outbox_event (
    id              uuid primary key,
    tenant_id       uuid        not null,
    aggregate_type  text        not null,
    aggregate_id    text        not null,
    type            text        not null,          -- the NATS subject, e.g. kelas.lab.submission.graded
    payload         jsonb       not null,          -- the CloudEvents "data" member
    traceparent     text,
    occurred_at     timestamptz not null,
    published_at    timestamptz,
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now()
);

-- The relay scans only unpublished rows, oldest first.
create index outbox_event_unpublished on outbox_event (occurred_at) where published_at is null;

-- Wake the relay at once when a transaction that wrote an event commits.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end $$;

create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

create table processed_message (
    consumer     text        not null,
    message_id   uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
