-- Class join codes (issue 15): a class's teachers or the school's administrators set, rotate or turn off a code with
-- which students register themselves into the class (auth-service checks it against its copy of these codes).
create table class_join_code (
    id         uuid primary key references school_class (id),   -- the class's id: one code per class
    tenant_id  uuid        not null,
    code       text        not null check (length(code) between 6 and 32),
    created_by uuid        not null,
    created_at timestamptz not null
);
-- Codes are unique in a school (letters compare case-insensitively).
create unique index class_join_code_code on class_join_code (tenant_id, upper(code));
