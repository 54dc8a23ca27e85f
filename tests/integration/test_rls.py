"""Row level security: one person can never reach another's rows, in any table."""

import psycopg
import pytest

from db.connection import anonymous_tx, open_pool, user_tx
from db.users import create_user
from tests.conftest import unique_email
from tests.support import CATALOG_TENANT_TABLES, make_rows_in_every_table

# The tables the behaviour tests below know how to fill. test_every_tenant_table_is_covered reads the
# catalog: a new table with a user_id column fails until it is added here, with its recipes.
TENANT_TABLES = [
    "users",
    "user_resumes",
    "applications",
    "documents",
    "document_versions",
    "embeddings",
    "interviews",
    "contacts",
    "application_submissions",
    "application_events",
    "calendar_feeds",
]

# How each table gets a row for the current user, given the ids of that user's other rows.
INSERTS = {
    "user_resumes": ("insert into user_resumes (user_id, name, content) values (%(user)s, 'x', 'y')", ()),
    "applications": (
        "insert into applications (user_id, company, role_title, job_description)"
        " values (%(user)s, 'Co', 'Role', 'text')",
        (),
    ),
    "documents": (
        "insert into documents (user_id, application_id, doc_type) values (%(user)s, %(application)s, 'research')",
        ("application",),
    ),
    "document_versions": (
        "insert into document_versions (user_id, document_id, version, content, origin)"
        " values (%(user)s, %(document)s, 99, 'x', 'edited')",
        ("document",),
    ),
    "embeddings": (
        "insert into embeddings (user_id, application_id, model, dims, embedding)"
        " values (%(user)s, %(application)s, 'test', 3, '[1,2,3]')",
        ("application",),
    ),
    "interviews": (
        "insert into interviews (user_id, application_id, starts_at) values (%(user)s, %(application)s, now())",
        ("application",),
    ),
    "contacts": (
        "insert into contacts (user_id, application_id, name) values (%(user)s, %(application)s, 'Sam')",
        ("application",),
    ),
    "application_submissions": (
        "insert into application_submissions (user_id, application_id, sent_on, cover_letter_version_id)"
        " values (%(user)s, %(application)s, current_date, %(document_versions)s)",
        ("application", "document_versions"),
    ),
    "application_events": (
        "insert into application_events (user_id, application_id, kind) values (%(user)s, %(application)s, 'created')",
        ("application",),
    ),
    "calendar_feeds": (
        "insert into calendar_feeds (user_id, token_hash) values (%(user)s, sha256(gen_random_uuid()::text::bytea))",
        (),
    ),
}
# A column each table lets the application role update (None: no column, rows are never rewritten).
UPDATABLE = {
    "users": "first_name",
    "user_resumes": "name",
    "applications": "company",
    "documents": "content",
    "document_versions": None,
    "embeddings": "model",
    "interviews": "notes",
    "contacts": "name",
    "application_submissions": "sent_on",
    "application_events": "occurred_at",
    "calendar_feeds": "token_hash",
}


def _new_person(first_name: str) -> dict:
    """A person with one row in every tenant table; returns the ids."""
    with anonymous_tx() as conn:
        user_id = create_user(conn, unique_email(first_name), "not-a-hash", first_name, "Tester")
    return make_rows_in_every_table(user_id)


@pytest.fixture(scope="module")
def alice_and_bob(pool):
    return _new_person("Alice"), _new_person("Bob")


# Each table's key column, where it is not "id".
KEYS = {"calendar_feeds": "user_id"}


def _key(table: str) -> str:
    return KEYS.get(table, "id")


def _count(conn, table: str, row_id) -> int:
    return conn.execute(f"select count(*) as n from {table} where {_key(table)} = %s", (row_id,)).fetchone()["n"]


@pytest.mark.parametrize("table", TENANT_TABLES)
def test_owner_sees_own_row(alice_and_bob, table):
    alice, _ = alice_and_bob
    with user_tx(alice["user"]) as conn:
        assert _count(conn, table, alice[table]) == 1


@pytest.mark.parametrize("table", TENANT_TABLES)
def test_other_person_cannot_read(alice_and_bob, table):
    alice, bob = alice_and_bob
    with user_tx(bob["user"]) as conn:
        assert _count(conn, table, alice[table]) == 0
        assert conn.execute(f"select count(*) as n from {table}").fetchone()["n"] >= 1


@pytest.mark.parametrize("table", TENANT_TABLES)
def test_nobody_set_sees_nothing(alice_and_bob, table):
    with anonymous_tx() as conn:
        assert conn.execute(f"select count(*) as n from {table}").fetchone()["n"] == 0


@pytest.mark.parametrize("table", TENANT_TABLES)
def test_other_person_cannot_update(alice_and_bob, table):
    alice, bob = alice_and_bob
    column = UPDATABLE[table]
    if column is None:
        with pytest.raises(psycopg.errors.InsufficientPrivilege), user_tx(bob["user"]) as conn:
            conn.execute(f"update {table} set id = id where id = %s", (alice[table],))
        return
    with user_tx(bob["user"]) as conn:
        changed = conn.execute(f"update {table} set {column} = {column} where {_key(table)} = %s", (alice[table],))
        assert changed.rowcount == 0


@pytest.mark.parametrize("table", TENANT_TABLES)
def test_other_person_cannot_delete(alice_and_bob, table):
    alice, bob = alice_and_bob
    with user_tx(bob["user"]) as conn:
        assert conn.execute(f"delete from {table} where {_key(table)} = %s", (alice[table],)).rowcount == 0
    with user_tx(alice["user"]) as conn:
        assert _count(conn, table, alice[table]) == 1


@pytest.mark.parametrize("table", sorted(INSERTS))
def test_other_person_cannot_insert_for_owner(alice_and_bob, table):
    alice, bob = alice_and_bob
    statement, _ = INSERTS[table]
    with pytest.raises(psycopg.errors.InsufficientPrivilege), user_tx(bob["user"]) as conn:
        conn.execute(statement, alice | {"user": alice["user"]})


@pytest.mark.parametrize("table", sorted(table for table, (_, parents) in INSERTS.items() if parents))
def test_other_person_cannot_attach_to_owners_parent(alice_and_bob, table):
    """Bob's own user id with Alice's application or document is refused by the composite keys."""
    alice, bob = alice_and_bob
    statement, _ = INSERTS[table]
    with pytest.raises(psycopg.errors.ForeignKeyViolation), user_tx(bob["user"]) as conn:
        conn.execute(statement, alice | {"user": bob["user"]})


def test_application_role_cannot_insert_users(alice_and_bob):
    _, bob = alice_and_bob
    with pytest.raises(psycopg.errors.InsufficientPrivilege), user_tx(bob["user"]) as conn:
        conn.execute("insert into users (email, password_hash, first_name, last_name) values ('e@x.io','h','a','b')")


@pytest.mark.parametrize("table", [t for t in TENANT_TABLES if t != "users"])
def test_row_cannot_be_moved_to_another_person(alice_and_bob, table):
    alice, bob = alice_and_bob
    refused = (psycopg.errors.InsufficientPrivilege, psycopg.errors.ForeignKeyViolation)
    with pytest.raises(refused), user_tx(bob["user"]) as conn:
        conn.execute(f"update {table} set user_id = %s where {_key(table)} = %s", (alice["user"], bob[table]))


def test_user_setting_does_not_leak_to_next_use_of_connection(database_urls, alice_and_bob):
    alice, _ = alice_and_bob
    app_url, _ = database_urls
    open_pool(app_url, min_size=1, max_size=1)  # one connection: the next transaction reuses it
    try:
        with user_tx(alice["user"]) as conn:
            first_backend = conn.execute("select pg_backend_pid() as pid").fetchone()["pid"]
            assert conn.execute("select count(*) as n from applications").fetchone()["n"] == 1
        with anonymous_tx() as conn:
            assert conn.execute("select pg_backend_pid() as pid").fetchone()["pid"] == first_backend
            assert conn.execute("select app_current_user_id() as id").fetchone()["id"] is None
            assert conn.execute("select count(*) as n from applications").fetchone()["n"] == 0
    finally:
        open_pool(app_url, min_size=1, max_size=4)


def test_pool_role_is_not_privileged(pool):
    with anonymous_tx() as conn:
        role = conn.execute("select rolsuper, rolbypassrls from pg_roles where rolname = current_user").fetchone()
    assert role == {"rolsuper": False, "rolbypassrls": False}


def _catalog_tenant_tables() -> list[dict]:
    with anonymous_tx() as conn:
        return conn.execute(CATALOG_TENANT_TABLES).fetchall()


def test_every_tenant_table_is_covered(pool):
    found = [table["name"] for table in _catalog_tenant_tables()]
    assert sorted(found) == sorted(TENANT_TABLES), "a table with user_id needs its rows in test_rls.py's recipes"


def test_every_tenant_table_forces_row_level_security(pool):
    tables = _catalog_tenant_tables()
    assert len(tables) >= len(TENANT_TABLES)
    for table in tables:
        assert (table["enabled"], table["forced"]) == (True, True), table["name"]


def test_every_tenant_table_has_a_policy_on_its_owner(pool):
    """Each table's policy for everyone compares its owner column with the current user, read and write."""
    with anonymous_tx() as conn:
        policies = conn.execute(
            "select tablename, qual, with_check from pg_policies"
            " where schemaname = 'public' and roles = '{public}' and cmd = 'ALL'"
        ).fetchall()
    by_table = {policy["tablename"]: policy for policy in policies}
    for table in _catalog_tenant_tables():
        policy = by_table.get(table["name"])
        assert policy is not None, f"{table['name']} has no policy for every command"
        owner = "id" if table["name"] == "users" else "user_id"
        expected = f"({owner} = ( SELECT app_current_user_id() AS app_current_user_id))"
        assert (policy["qual"], policy["with_check"]) == (expected, expected), table["name"]


def test_table_owner_does_not_see_users_through_the_login_policies(database_urls, alice_and_bob):
    """The owner is a member of jobforge_auth, but the login policies hold only inside the functions."""
    _, owner_url = database_urls
    with psycopg.connect(owner_url) as conn:
        assert conn.execute("select count(*) from users").fetchone()[0] == 0


def test_login_functions_are_narrow(pool):
    """Every SECURITY DEFINER function in the schema, read from the catalog."""
    with anonymous_tx() as conn:
        rows = conn.execute(
            "select p.proname, pg_get_userbyid(p.proowner) as owner, p.prosecdef, p.proconfig,"
            " has_function_privilege('public', p.oid, 'execute') as public_can_run"
            " from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef"
        ).fetchall()
    assert {"auth_find_login", "auth_create_user", "auth_session_user"} <= {row["proname"] for row in rows}
    for row in rows:
        assert row["owner"] == "jobforge_auth"
        assert row["prosecdef"] is True
        assert row["proconfig"] == ["search_path=pg_catalog, pg_temp"]
        assert row["public_can_run"] is False
