-- Documents hold at most 100,000 characters (validators.MAX_DOCUMENT_LENGTH says so next to the
-- editor); the constraints keep any other path from storing more. NOT VALID: a longer text saved
-- before the limit stays readable, and only new rows are checked.
alter table documents
    add constraint documents_content_length check (char_length(content) <= 100000) not valid;
alter table document_versions
    add constraint document_versions_content_length check (char_length(content) <= 100000) not valid;

-- Full-text vectors are built from a bounded prefix: a tsvector holds at most 1 MB, so a long
-- text with many distinct words could not be saved at all. PostgreSQL 16 cannot change a
-- generated column's expression in place, so the columns and their indexes are made anew.
alter table documents drop column search_tsv;
alter table documents add column search_tsv tsvector generated always as (
    to_tsvector('english'::regconfig, left(content, 100000))
) stored;
create index documents_search_tsv on documents using gin (search_tsv);

alter table applications drop column search_tsv;
alter table applications add column search_tsv tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, left(company, 1000)), 'A')
    || setweight(to_tsvector('english'::regconfig, left(role_title, 1000)), 'A')
    || setweight(to_tsvector('english'::regconfig, left(job_description, 100000)), 'B')
) stored;
create index applications_search_tsv on applications using gin (search_tsv);
