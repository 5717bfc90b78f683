-- learning-service: the analytics read model follows assignment changes (issue 15). version orders
-- kelas.learning.assignment.updated events (an older one is skipped; published is version 0 here), deleted_at marks
-- an assignment deleted after publication (kept as a tombstone, so a late published event cannot bring it back).
alter table analytics_assignment add column version integer not null default 0;
alter table analytics_assignment add column deleted_at timestamptz;
