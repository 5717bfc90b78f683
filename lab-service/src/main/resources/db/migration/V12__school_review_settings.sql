-- lab-service: a school's switch for AI feedback on code (issue 19). A school administrator turns AI feedback off
-- for the whole school: then tasks in AI mode get the offline reviewer only, and no request leaves Kelas. A school
-- without a row has AI feedback on (each task's teacher still chooses per task; no provider configured means
-- offline anyway).
create table school_review_settings (
    tenant_id  uuid primary key,
    ai_enabled boolean     not null,
    updated_by uuid        not null,
    updated_at timestamptz not null
);
