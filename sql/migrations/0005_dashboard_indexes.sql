-- The dashboard's board and its most common table sort as ordered index scans for a person
-- with thousands of applications (bench/dashboard_plans.py prints the plans).

-- Each board column's newest cards: one short ordered scan per status instead of filtering the
-- person's whole (user_id, updated_at) range for the rarer statuses. archived_at is included so
-- "Show archived" off is decided in the index.
create index applications_user_status_updated on applications (user_id, status, updated_at desc, id desc)
    include (archived_at);

-- The table sorted by company (either direction) without sorting every row of the person.
create index applications_user_company_sort on applications (user_id, lower(company), id);

