-- A person changes their own email and password in Settings. Row level security (own_row) limits
-- both to the signed-in person's row; the unique lower(email) index keeps emails unique in any case.
-- The hash stays unreadable to the application role: checking a password still goes through
-- auth_find_login. Deleting the account needs nothing new: the role may delete its own users row,
-- and every tenant table reaches users through foreign keys with on delete cascade.
grant update (email, password_hash) on users to jobforge_app;
