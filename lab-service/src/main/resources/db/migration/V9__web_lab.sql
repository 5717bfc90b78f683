-- The WEB lab: the PNG screenshot of the rendered page that the grader stores with a WEB submission's verdict
-- (one per submission, the latest grading's). Kept apart from code_submission so that listing submissions
-- never loads the images.
create table submission_screenshot (
    submission_id uuid primary key references code_submission (id) on delete cascade,
    tenant_id     uuid        not null,
    png           bytea       not null,
    taken_at      timestamptz not null
);

-- A WEB task may ask for HTML validation (the W3C Nu Html Checker); its messages are stored with the verdict.
alter table coding_task add column validate_html boolean not null default false;
alter table code_submission add column html_messages text;
