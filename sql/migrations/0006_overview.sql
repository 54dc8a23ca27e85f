-- The dashboard overview's queries (db/overview.py) as index scans for a person with thousands of
-- applications and events; bench/overview_plans.py prints the plans.

-- Archived applications are few: every overview query leaves them out with an anti-join that reads
-- only them.
create index applications_user_archived on applications (user_id) include (id) where archived_at is not null;

-- Applications sent per week: a range of "applied on" instead of visiting each of the person's rows.
create index applications_user_applied_on on applications (user_id, applied_on) where archived_at is null;
-- The few with no "applied on", whose first sent event says when they were sent.
create index applications_user_unapplied on applications (user_id) include (id)
    where applied_on is null and archived_at is null;

-- Each application's status events in order: the furthest stage reached and the stays between
-- consecutive events, read from the index in the order the window needs (no sort).
create index application_events_user_status_timeline on application_events (user_id, application_id, occurred_at)
    include (to_status) where kind = 'status';
