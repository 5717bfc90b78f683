-- Files attached to an announcement: each is a stored_file (checked and stored as hand-ins are), attached to one
-- announcement; deleting the announcement deletes the attachment rows (the service removes the files).
create table announcement_attachment (
    id              uuid primary key references stored_file (id),
    tenant_id       uuid        not null,
    announcement_id uuid        not null references announcement (id) on delete cascade,
    attached_at     timestamptz not null
);
create index announcement_attachment_of on announcement_attachment (announcement_id, attached_at);
