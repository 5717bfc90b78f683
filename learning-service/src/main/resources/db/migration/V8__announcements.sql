-- Announcements (issue 12): written by administrators (school, a role) and teachers (their classes).

create table announcement (
    id           uuid primary key,
    tenant_id    uuid        not null,
    author_id    uuid        not null,
    title        text        not null,
    body         text        not null,           -- Markdown as written
    body_html    text        not null,           -- rendered and sanitised
    audience     text        not null check (audience in ('SCHOOL', 'ROLE', 'CLASS')),
    class_id     uuid references school_class (id),
    role         text check (role in ('ADMIN', 'TEACHER', 'STUDENT', 'PARENT')),
    pinned       boolean     not null default false,
    status       text        not null check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED')),
    publish_at   timestamptz,                    -- when a SCHEDULED one goes out
    published_at timestamptz,
    expires_at   timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer     not null default 0,
    check ((audience = 'CLASS') = (class_id is not null)),
    check ((audience = 'ROLE') = (role is not null)),
    check (status <> 'SCHEDULED' or publish_at is not null)
);
create index announcement_feed on announcement (tenant_id, status, pinned, published_at);
create index announcement_due on announcement (publish_at) where status = 'SCHEDULED';

-- Who has read which announcement.
create table announcement_read (
    announcement_id uuid        not null references announcement (id) on delete cascade,
    user_id         uuid        not null,
    read_at         timestamptz not null,
    primary key (announcement_id, user_id)
);
