-- Issue 13. A CODING assignment knows its lab task (from kelas.lab.task.created; null until known and again
-- once the task is deleted or archived), a lab result keeps its verdict, and the grade audit trail records a
-- teacher's regrade per lab submission (source REGRADE): the submission's result before and after (on the
-- assignment's scale), its verdicts, the submission and the regrade. A regrade row may precede any grade.
alter table assignment add column lab_task_id uuid;

alter table lab_result add column verdict text;

alter table grade_change drop constraint grade_change_source_check;
alter table grade_change add constraint grade_change_source_check check (source in ('LAB', 'TEACHER', 'REGRADE'));
alter table grade_change alter column grade_id drop not null;
alter table grade_change add column lab_submission_id uuid;
alter table grade_change add column regrade_id uuid;
alter table grade_change add column old_verdict text;
alter table grade_change add column new_verdict text;
