-- The X-Request-Id an event descends from (issue 14): the relay publishes it as the CloudEvents extension
-- attribute "requestid" and the X-Request-Id header. Null for events no request led to (scheduled jobs).
alter table outbox_event add column request_id text;
