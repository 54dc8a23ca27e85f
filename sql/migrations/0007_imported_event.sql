-- Applications brought in from a CSV file say so on their timeline: an 'imported' event kind.
alter table application_events drop constraint application_events_kind_check;
alter table application_events add constraint application_events_kind_check
    check (kind in ('created', 'status', 'interview', 'sent', 'applied_on', 'archived', 'unarchived', 'imported'));
