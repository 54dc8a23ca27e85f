-- Server-side session revocation: a session names the epoch it was made in; logging out moves the
-- epoch on, so a copied session cookie stops working everywhere at once.
alter table users add column session_epoch integer not null default 0;
grant select (session_epoch), update (session_epoch) on users to jobforge_app;
