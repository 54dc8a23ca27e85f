"""Start-up refuses a database where row level security would not confine the application role."""

import psycopg
import pytest

from db.connection import anonymous_tx
from db.startup import UnsafeDatabaseRole, verify_application_role


def test_the_test_database_is_safe(pool):
    with anonymous_tx() as conn:
        verify_application_role(conn)


def test_a_tenant_table_without_forced_row_level_security_stops_start_up(database_urls, pool):
    _, owner_url = database_urls
    with psycopg.connect(owner_url, autocommit=True) as conn:
        conn.execute("create table notes_without_policy (id int, user_id uuid)")
        conn.execute("grant select on notes_without_policy to jobforge_app")
    try:
        with (
            pytest.raises(UnsafeDatabaseRole, match="not enabled and forced on notes_without_policy"),
            anonymous_tx() as conn,
        ):
            verify_application_role(conn)
    finally:
        with psycopg.connect(owner_url, autocommit=True) as conn:
            conn.execute("drop table notes_without_policy")
