-- The latest verdict of each lab submission, so a regrade (which can lower a score) recomputes the
-- grade: the grade is the best current result among the student's submissions to the assignment.
create table lab_result (
    submission_id uuid primary key,
    tenant_id     uuid          not null,
    assignment_id uuid          not null references assignment (id),
    student_id    uuid          not null,
    score         numeric(8, 2) not null,
    graded_at     timestamptz   not null
);
create index lab_result_assignment_student on lab_result (assignment_id, student_id);
