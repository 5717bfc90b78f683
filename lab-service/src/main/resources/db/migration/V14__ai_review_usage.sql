-- lab-service: the daily AI review ledger (issue 19). Each AI provider chain call is counted here before it is
-- made, for the student and for the whole school (student_id = the nil UUID), per UTC day, with one atomic
-- "increment while below the limit" per row. Counting stored reviews instead missed a re-review of the same
-- submission (it replaces the stored review) and let two reviews at once both pass the check.
create table ai_review_usage (
    tenant_id  uuid    not null,
    day        date    not null,
    student_id uuid    not null,
    calls      integer not null check (calls >= 0),
    primary key (tenant_id, day, student_id)
);
