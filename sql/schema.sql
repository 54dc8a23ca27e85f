-- Job Forge baseline schema. Applied once by the migration runner as the owner role;
-- later changes are numbered files in sql/migrations/.
--
-- Roles (created by db/embedded.py, or by a DBA in production, see docs/deploy.md):
--   jobforge_owner  owns every object here and runs migrations
--   jobforge_app    the pool's login role: NOSUPERUSER NOBYPASSRLS, sees only its user's rows
--   jobforge_auth   NOLOGIN, owns the SECURITY DEFINER login functions

create extension if not exists vector;

-- The user id of the current transaction, set with set_config(..., true) by db.connection.user_tx.
-- A pooled connection that once set it reads '' afterwards, hence nullif.
create function app_current_user_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.current_user_id', true), '')::uuid $$;

create function set_updated_at() returns trigger
    language plpgsql
    as $$
begin
    new.updated_at := now();
    return new;
end
$$;

create table users (
    id             uuid primary key default gen_random_uuid(),
    email          text not null check (email = btrim(email) and email like '%_@_%'),
    password_hash  text not null,
    first_name     text not null check (btrim(first_name) <> ''),
    last_name      text not null check (btrim(last_name) <> ''),
    writing_sample text not null default '',
    ai_provider    text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create unique index users_email_lower_key on users (lower(email));

create table user_resumes (
    id         uuid primary key default gen_random_uuid(),
    user_id    uuid not null references users (id) on delete cascade,
    name       text not null check (btrim(name) <> ''),
    content    text not null,
    is_primary boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (id, user_id)
);
-- One primary resume per person, any number of others.
create unique index user_resumes_one_primary on user_resumes (user_id) where is_primary;
create index user_resumes_user_updated on user_resumes (user_id, updated_at desc);

create table applications (
    id              uuid primary key default gen_random_uuid(),
    user_id         uuid not null references users (id) on delete cascade,
    company         text not null check (btrim(company) <> ''),
    role_title      text not null check (btrim(role_title) <> ''),
    job_description text not null,
    job_url         text check (job_url ~* '^https?://'),
    location        text,
    status          text not null default 'draft'
                    check (status in ('draft', 'applied', 'interview', 'offer', 'rejected')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (id, user_id)
);
create index applications_user_updated on applications (user_id, updated_at desc);

-- The current text of each generated document; every change also lands in document_versions,
-- so a regeneration never overwrites what the person wrote.
create table documents (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null,
    application_id uuid not null,
    doc_type       text not null check (doc_type in ('research', 'resume', 'cover_letter')),
    content        text not null default '',
    version        integer not null default 0,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (id, user_id),
    unique (application_id, doc_type),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade
);
create index documents_user on documents (user_id);

create table document_versions (
    id             uuid primary key default gen_random_uuid(),
    user_id        uuid not null,
    document_id    uuid not null,
    version        integer not null check (version > 0),
    content        text not null,
    origin         text not null check (origin in ('generated', 'edited', 'restored')),
    provider       text,
    model          text,
    prompt_version text,
    created_at     timestamptz not null default now(),
    unique (id, user_id),
    unique (document_id, version),
    foreign key (document_id, user_id) references documents (id, user_id) on delete cascade
);
create index document_versions_user on document_versions (user_id);

-- Vectors of postings, resumes and document versions. Model and dimension travel with each
-- vector so several embedding models can coexist; per-model HNSW indexes come with the models.
create table embeddings (
    id                  uuid primary key default gen_random_uuid(),
    user_id             uuid not null references users (id) on delete cascade,
    application_id      uuid,
    resume_id           uuid,
    document_version_id uuid,
    model               text not null,
    dims                integer not null,
    embedding           vector not null check (vector_dims(embedding) = dims),
    created_at          timestamptz not null default now(),
    check (num_nonnulls(application_id, resume_id, document_version_id) = 1),
    foreign key (application_id, user_id) references applications (id, user_id) on delete cascade,
    foreign key (resume_id, user_id) references user_resumes (id, user_id) on delete cascade,
    foreign key (document_version_id, user_id)
        references document_versions (id, user_id) on delete cascade
);
create index embeddings_user_model on embeddings (user_id, model);

create trigger users_updated_at before update on users
    for each row execute function set_updated_at();
create trigger user_resumes_updated_at before update on user_resumes
    for each row execute function set_updated_at();
create trigger applications_updated_at before update on applications
    for each row execute function set_updated_at();
create trigger documents_updated_at before update on documents
    for each row execute function set_updated_at();

-- Row level security: every tenant row is visible only to its owner, for every role,
-- the table owner included (FORCE).
alter table users enable row level security;
alter table users force row level security;
alter table user_resumes enable row level security;
alter table user_resumes force row level security;
alter table applications enable row level security;
alter table applications force row level security;
alter table documents enable row level security;
alter table documents force row level security;
alter table document_versions enable row level security;
alter table document_versions force row level security;
alter table embeddings enable row level security;
alter table embeddings force row level security;

create policy own_row on users
    using (id = (select app_current_user_id()))
    with check (id = (select app_current_user_id()));
create policy tenant on user_resumes
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on applications
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on documents
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on document_versions
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));
create policy tenant on embeddings
    using (user_id = (select app_current_user_id()))
    with check (user_id = (select app_current_user_id()));

-- Login and sign-up happen before a user id is known, so they go through two narrow
-- functions owned by jobforge_auth, whose own policies let it read and add users and nothing else.
-- current_user is jobforge_auth only inside those functions: the owner, a member of the role so it
-- can hand the functions over, must not inherit these policies.
create policy auth_lookup on users for select to jobforge_auth using (current_user = 'jobforge_auth');
create policy auth_signup on users for insert to jobforge_auth with check (current_user = 'jobforge_auth');
grant select (id, email, password_hash), insert on users to jobforge_auth;
grant usage on schema public to jobforge_auth;

create function auth_find_login(p_email text)
    returns table (id uuid, password_hash text)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
    as $$ select u.id, u.password_hash from public.users u where lower(u.email) = lower(btrim(p_email)) $$;

create function auth_create_user(p_email text, p_password_hash text, p_first_name text, p_last_name text)
    returns uuid
    language sql volatile security definer
    set search_path = pg_catalog, pg_temp
    as $$
        insert into public.users (email, password_hash, first_name, last_name)
        values (btrim(p_email), p_password_hash, btrim(p_first_name), btrim(p_last_name))
        returning id
    $$;

-- A new function owner needs CREATE on the schema only for the hand-over itself.
grant create on schema public to jobforge_auth;
alter function auth_find_login(text) owner to jobforge_auth;
alter function auth_create_user(text, text, text, text) owner to jobforge_auth;
revoke create on schema public from jobforge_auth;
revoke execute on function auth_find_login(text) from public;
revoke execute on function auth_create_user(text, text, text, text) from public;
grant execute on function auth_find_login(text) to jobforge_app;
grant execute on function auth_create_user(text, text, text, text) to jobforge_app;

-- The application role: data access only, always under the policies above.
grant usage on schema public to jobforge_app;
-- Not password_hash: the hash is read only through auth_find_login.
grant select (id, email, first_name, last_name, writing_sample, ai_provider, created_at, updated_at),
    update (first_name, last_name, writing_sample, ai_provider), delete on users to jobforge_app;
grant select, insert, update, delete
    on user_resumes, applications, documents, document_versions, embeddings to jobforge_app;
