-- kelas-runtime: Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header) of unsafe requests. A row is
-- written in the same transaction as the request's own writes, so a retry either finds the committed answer
-- or waits on the primary key for the first attempt to commit or roll back. Rows are kept 24 hours.
create table idempotency_key (
    tenant_id        uuid        not null,
    principal_id     uuid        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,   -- SHA-256 of method, path and body: the same key with another request is refused
    response_status  int         not null,
    response_location text,
    response_body    text        not null,
    created_at       timestamptz not null,
    primary key (tenant_id, principal_id, idempotency_key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
