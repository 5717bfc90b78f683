-- lab-service: what an AI provider's review costs (issue 19): the tokens it counted, the estimated cost from
-- kelas.lab.review.providers[n].*-price-per-million, and every provider the chain tried with its outcome.
alter table code_review add column input_tokens  integer;
alter table code_review add column output_tokens integer;
alter table code_review add column cost          numeric(12, 6);
-- JSON array of {provider, outcome}: "ok", "circuit-open", "daily-limit", or the failure
alter table code_review add column attempts      text not null default '[]';

create index code_review_ai_daily on code_review (tenant_id, created_at) where provider <> 'offline';
