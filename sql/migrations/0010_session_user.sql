-- Every request loads its signed-in person before any callback runs. Through the tenant policy that
-- takes a transaction of its own (begin, set the user, select, commit: four round trips); this
-- narrow lookup answers in one statement outside a transaction. It returns the profile only for the
-- session's own user id and epoch, as the tenant policy would, and never the password hash.
grant select (first_name, last_name, session_epoch) on users to jobforge_auth;

create function auth_session_user(p_user_id uuid, p_session_epoch integer)
    returns table (id uuid, email text, first_name text, last_name text, session_epoch integer)
    language sql stable security definer
    set search_path = pg_catalog, pg_temp
    as $$
        select u.id, u.email, u.first_name, u.last_name, u.session_epoch
        from public.users u
        where u.id = p_user_id and u.session_epoch = p_session_epoch
    $$;

grant create on schema public to jobforge_auth;
alter function auth_session_user(uuid, integer) owner to jobforge_auth;
revoke create on schema public from jobforge_auth;
revoke execute on function auth_session_user(uuid, integer) from public;
grant execute on function auth_session_user(uuid, integer) to jobforge_app;
