-- The school's calendar (issue 11): settings per school and calendar events.

-- Per-school settings learning-service needs; a school without a row uses the configured default time zone.
create table school_setting (
    tenant_id  uuid primary key,
    time_zone  text        not null,
    updated_at timestamptz not null
);

-- A holiday, exam, school event or meeting. Times are local to the school's time zone, so a weekly
-- 09:00 event stays at 09:00 across a daylight-saving change; an all-day event runs from the start of
-- its first day to the start of the day after its last (ends_local exclusive).
create table calendar_event (
    id           uuid primary key,
    tenant_id    uuid        not null,
    type         text        not null check (type in ('HOLIDAY', 'EXAM', 'SCHOOL_EVENT', 'MEETING')),
    title        text        not null,
    description  text,
    all_day      boolean     not null,
    starts_local timestamp   not null,
    ends_local   timestamp   not null,
    -- RFC 5545 RRULE value without the "RRULE:" prefix, e.g. FREQ=WEEKLY;COUNT=4
    recurrence   text,
    audience     text        not null check (audience in ('SCHOOL', 'ROLE', 'CLASS')),
    class_id     uuid references school_class (id),
    role         text check (role in ('ADMIN', 'TEACHER', 'STUDENT', 'PARENT')),
    author_id    uuid        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      integer     not null default 0,
    check (ends_local > starts_local),
    check ((audience = 'CLASS') = (class_id is not null)),
    check ((audience = 'ROLE') = (role is not null))
);
create index calendar_event_tenant_start on calendar_event (tenant_id, starts_local);
create index calendar_event_tenant_type on calendar_event (tenant_id, type);

-- A user's secret calendar-feed token (stored as SHA-256, rotated on demand): the iCalendar URL that
-- calendar clients subscribe to without a bearer token.
create table calendar_feed_token (
    user_id    uuid primary key,
    tenant_id  uuid        not null,
    token_hash text        not null unique,
    created_at timestamptz not null
);
