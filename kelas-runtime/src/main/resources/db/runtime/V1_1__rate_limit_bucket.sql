-- Rate-limit token buckets (dev.kelas.runtime.ratelimit.RateLimiter, Bucket4j's PostgreSQL select-for-update
-- layout): one row per bucket, shared by every replica of the service. expires_at (epoch milliseconds) is
-- when the bucket is full again; rows past it are swept.
create table rate_limit_bucket (
    id text primary key,
    state bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
