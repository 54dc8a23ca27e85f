-- Application tracking: every field of an application, its timeline, interviews, contacts, what
-- was sent, and a private calendar feed. Every new table carries user_id with composite foreign
-- keys and forced row level security, like the baseline's.

-- The record ------------------------------------------------------------------------------------
-- "withdrawn" and "no_response" close an application as "rejected" does.
alter table applications drop constraint applications_status_check;
alter table applications add constraint applications_status_check
    check (status in ('draft', 'applied', 'interview', 'offer', 'rejected', 'withdrawn', 'no_response'));

alter table applications
    add column salary_min      integer check (salary_min >= 0),
    add column salary_max      integer check (salary_max >= 0),
    add column salary_currency text check (salary_currency ~ '^[A-Z]{3}$'),
    add column source          text check (char_length(source) <= 200),
    add column priority        text not null default 'normal' check (priority in ('low', 'normal', 'high')),
    add column notes           text not null default '' check (char_length(notes) <= 100000),
    add column applied_on      date,
    add column follow_up_on    date,
    add column archived_at     timestamptz,
    -- The company compared case- and punctuation-insensitively, for the duplicate notice.
    add column company_key     text generated always as (regexp_replace(lower(company), '[^[:alnum:]]+', '', 'g')) stored,
    add constraint applications_salary_range check (salary_min <= salary_max);

-- Search covers location and notes too (weights: company and role A, posting B, the rest C).
alter table applications drop column search_tsv;
alter table applications add column search_tsv tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, left(company, 1000)), 'A')
    || setweight(to_tsvector('english'::regconfig, left(role_title, 1000)), 'A')
    || setweight(to_tsvector('english'::regconfig, left(job_description, 100000)), 'B')
    || setweight(to_tsvector('english'::regconfig, left(coalesce(location, ''), 1000)), 'C')
    || setweight(to_tsvector('english'::regconfig, left(notes, 100000)), 'C')
) stored;
create index applications_search_tsv on applications using gin (search_tsv);

-- Keyset pages in the dashboard's default order, ties broken by id.
drop index applications_user_updated;
create index applications_user_updated on applications (user_id, updated_at desc, id desc);
-- Counts per status without visiting the rows.
create index applications_user_status on applications (user_id, status) include (archived_at);
create index applications_user_company_key on applications (user_id, company_key);
create index applications_user_job_url on applications (user_id, job_url) where job_url is not null;
create index applications_user_follow_up on applications (user_id, follow_up_on)
    where follow_up_on is not null and archived_at is null;

-- Interviews and contacts -----------------------------------------------------------------------
create table interviews (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null,
    application_id uuid not null,
    starts_at      timestamptz not null,
    kind           text not null default 'other'
                   check (kind in ('phone_screen', 'technical', 'onsite', 'final', 'other')),
    notes          text not null default '' check (char_length(notes) <= 20000),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (id, user_id),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade
);
create index interviews_user_application on interviews (user_id, application_id, starts_at);
create index interviews_user_starts on interviews (user_id, starts_at);
create trigger interviews_updated_at before update on interviews
    for each row execute function set_updated_at();

create table contacts (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null,
    application_id uuid not null,
    name           text not null check (btrim(name) <> '' and char_length(name) <= 200),
    role           text check (char_length(role) <= 200),
    email          text check (char_length(email) <= 320 and email like '%_@_%'),
    notes          text not null default '' check (char_length(notes) <= 20000),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (id, user_id),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade
);
create index contacts_user_application on contacts (user_id, application_id, name);
create trigger contacts_updated_at before update on contacts
    for each row execute function set_updated_at();

-- What was sent ---------------------------------------------------------------------------------
-- The versions of the optimized resume and the cover letter current when the application was
-- sent. Versions are never rewritten (update is revoked below), so these stay exactly as sent.
create table application_submissions (
    id                      uuid primary key default gen_random_uuid(),
    user_id                 uuid not null,
    application_id          uuid not null,
    sent_on                 date not null,
    resume_version_id       uuid,
    cover_letter_version_id uuid,
    created_at              timestamptz not null default now(),
    unique (id, user_id),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade,
    foreign key (resume_version_id, user_id) references document_versions (id, user_id) on delete cascade,
    foreign key (cover_letter_version_id, user_id) references document_versions (id, user_id) on delete cascade
);
create index application_submissions_user_application on application_submissions (user_id, application_id);

-- Timeline --------------------------------------------------------------------------------------
-- One row per thing that happened. occurred_at is when it happened, which the person may correct
-- (a status changed today for an application sent last week); created_at is when it was recorded.
create table application_events (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null,
    application_id uuid not null,
    kind           text not null check (kind in ('created', 'status', 'interview', 'sent', 'applied_on', 'archived', 'unarchived')),
    actor          text not null default 'person' check (actor in ('person', 'system')),
    from_status    text,
    to_status      text,
    on_date        date,
    interview_id   uuid,
    submission_id  uuid,
    -- clock_timestamp: several events of one transaction keep their order.
    occurred_at    timestamptz not null default clock_timestamp(),
    created_at     timestamptz not null default clock_timestamp(),
    unique (id, user_id),
    check (kind <> 'status' or to_status is not null),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade,
    foreign key (interview_id, user_id) references interviews (id, user_id) on delete cascade,
    foreign key (submission_id, user_id) references application_submissions (id, user_id) on delete cascade
);
create index application_events_user_application on application_events (user_id, application_id, occurred_at desc);
-- The overview's charts: status events of a person, by time.
create index application_events_user_kind on application_events (user_id, kind, occurred_at)
    include (application_id, to_status);

-- What happened before this migration, as far as it is known: created, and the current status.
-- The owner reads every person's rows only while FORCE is lifted, inside this transaction.
alter table applications no force row level security;
alter table application_events no force row level security;
insert into application_events (user_id, application_id, kind, actor, occurred_at)
    select user_id, id, 'created', 'system', created_at from applications;
insert into application_events (user_id, application_id, kind, actor, from_status, to_status, occurred_at)
    select user_id, id, 'status', 'system', 'draft', status, updated_at from applications where status <> 'draft';
alter table applications force row level security;

-- Calendar feed ---------------------------------------------------------------------------------
-- A private feed URL per person. Only a SHA-256 hash of its token is stored; calendar apps
-- present the token without a session, so the owner is found through a narrow SECURITY DEFINER
-- function, as at sign-in.
create table calendar_feeds (
    user_id    uuid primary key references users (id) on delete cascade,
    token_hash bytea not null unique check (octet_length(token_hash) = 32),
    created_at timestamptz not null default now()
);

-- The dashboard view each person last chose.
alter table users add column dashboard_view text not null default 'board'
    check (dashboard_view in ('board', 'table', 'overview'));
grant select (dashboard_view), update (dashboard_view) on users to jobforge_app;

alter table interviews enable row level security;
alter table interviews force row level security;
alter table contacts enable row level security;
alter table contacts force row level security;
alter table application_submissions enable row level security;
alter table application_submissions force row level security;
alter table application_events enable row level security;
alter table application_events force row level security;
alter table calendar_feeds enable row level security;
alter table calendar_feeds force row level security;

create policy tenant on interviews
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on contacts
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on application_submissions
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on application_events
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on calendar_feeds
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));

create policy feed_lookup on calendar_feeds for select to jobforge_auth using (current_user = 'jobforge_auth');
grant select (user_id, token_hash) on calendar_feeds to jobforge_auth;

create function calendar_feed_owner(p_token_hash bytea)
    returns uuid
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
    as $$ select f.user_id from public.calendar_feeds f where f.token_hash = p_token_hash $$;

grant create on schema public to jobforge_auth;
alter function calendar_feed_owner(bytea) owner to jobforge_auth;
revoke create on schema public from jobforge_auth;
revoke execute on function calendar_feed_owner(bytea) from public;
grant execute on function calendar_feed_owner(bytea) to jobforge_app;

grant select, insert, update, delete
    on interviews, contacts, application_submissions, application_events, calendar_feeds to jobforge_app;
-- A version is a record of what a document was: never rewritten, so "what was sent" stays as sent.
revoke update on document_versions from jobforge_app;
