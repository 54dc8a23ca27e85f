-- Search: one vector per source and model, approximate-search indexes per embedding model,
-- and full-text search over postings and generated documents.

-- save_embedding replaces a source's vector for a model instead of piling up copies.
-- user_id is part of each key so that one person's insert can never collide with (and so
-- learn about) another person's row; the composite foreign keys then refuse it.
-- No deduplication first: nothing wrote embeddings before this migration.
create unique index embeddings_application_model_key
    on embeddings (application_id, user_id, model) where application_id is not null;
create unique index embeddings_resume_model_key
    on embeddings (resume_id, user_id, model) where resume_id is not null;
create unique index embeddings_document_version_model_key
    on embeddings (document_version_id, user_id, model) where document_version_id is not null;

-- Approximate nearest-neighbour indexes, one per model: an HNSW index needs one fixed dimension
-- (at most 2,000), hence a cast expression and a partial predicate. They serve searches across
-- many people's vectors. A person's own search (db/embeddings.py) deliberately never uses them:
-- with pgvector 0.6 row level security filters after the approximate scan, so a top-k over
-- everyone's vectors would return only a few of that person's rows; it scans the person's rows
-- exactly through embeddings_user_model instead. The dims condition keeps a mislabelled vector
-- out of the index rather than failing its insert on the cast.
create index embeddings_local_minilm_m2v_256_hnsw
    on embeddings using hnsw ((embedding::vector(256)) vector_cosine_ops)
    where model = 'local-minilm-m2v-256' and dims = 256;
create index embeddings_text_embedding_3_small_hnsw
    on embeddings using hnsw ((embedding::vector(1536)) vector_cosine_ops)
    where model = 'text-embedding-3-small' and dims = 1536;

-- Full-text search. Stored generated columns keep the tsvector in step with the text and let
-- ranking read it instead of re-parsing every matching posting. The company and role title
-- weigh more than the body of the posting.
alter table applications add column search_tsv tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, company), 'A')
    || setweight(to_tsvector('english'::regconfig, role_title), 'A')
    || setweight(to_tsvector('english'::regconfig, job_description), 'B')
) stored;
create index applications_search_tsv on applications using gin (search_tsv);

alter table documents add column search_tsv tsvector generated always as (
    to_tsvector('english'::regconfig, content)
) stored;
create index documents_search_tsv on documents using gin (search_tsv);
