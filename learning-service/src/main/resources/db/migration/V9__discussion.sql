-- Class discussion (issue 12): threads per class (optionally about an assignment), replies one level deep,
-- moderation, read state, and full-text search of threads.

create table discussion_thread (
    id               uuid primary key,
    tenant_id        uuid        not null,
    class_id         uuid        not null references school_class (id),
    assignment_id    uuid references assignment (id),
    author_id        uuid        not null,
    title            text        not null,
    body             text        not null,   -- Markdown as written
    body_html        text        not null,   -- rendered and sanitised
    pinned           boolean     not null default false,
    locked           boolean     not null default false,
    reply_count      integer     not null default 0,
    created_at       timestamptz not null,
    edited_at        timestamptz,
    last_activity_at timestamptz not null,
    removed_at       timestamptz,
    removed_by       uuid,
    removal_reason   text,
    search           tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored
);
create index discussion_thread_class on discussion_thread (class_id, pinned desc, last_activity_at desc, id);
create index discussion_thread_search on discussion_thread using gin (search);

create table discussion_reply (
    id              uuid primary key,
    tenant_id       uuid        not null,
    thread_id       uuid        not null references discussion_thread (id),
    parent_id       uuid references discussion_reply (id),   -- one level: a reply to a reply hangs under its parent
    quoted_reply_id uuid references discussion_reply (id),   -- the reply it quotes, when it answered a nested reply
    author_id       uuid        not null,
    body            text        not null,
    body_html       text        not null,
    created_at      timestamptz not null,
    edited_at       timestamptz,
    removed_at      timestamptz,
    removed_by      uuid,
    removal_reason  text
);
create index discussion_reply_thread on discussion_reply (thread_id, created_at);
create index discussion_reply_author on discussion_reply (author_id, created_at);

-- Up to when a user has read a thread.
create table discussion_read (
    thread_id    uuid        not null references discussion_thread (id),
    user_id      uuid        not null,
    last_read_at timestamptz not null,
    primary key (thread_id, user_id)
);
