"""Migrations: a fresh database gets the whole schema; an existing one is upgraded in place."""

import shutil
import tempfile
from pathlib import Path

import psycopg
import pytest

from db import embedded
from db.migrations import SQL_DIR, apply_migrations


@pytest.fixture(scope="module")
def empty_server():
    """A separate embedded server, so these tests start from a database nobody touched."""
    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-migrations-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    yield app_url, owner_url
    server.cleanup()


def test_fresh_database_then_no_op_then_upgrade_keeps_data(empty_server, tmp_path):
    app_url, owner_url = empty_server
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)

    applied = apply_migrations(owner_url, sql_dir)
    assert applied[0] == "0000_schema"
    assert apply_migrations(owner_url, sql_dir) == []

    with psycopg.connect(app_url) as conn:
        user_id = conn.execute("select auth_create_user('keep@example.com', 'hash', 'Keep', 'Me')").fetchone()[0]
        conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
        conn.execute(
            "insert into applications (user_id, company, role_title, job_description)"
            " values (%s, 'Acme', 'Engineer', 'A posting')",
            (user_id,),
        )

    (sql_dir / "migrations" / "9000_add_referral.sql").write_text(
        "alter table applications add column referral text not null default 'none';\n"
    )
    assert apply_migrations(owner_url, sql_dir) == ["9000_add_referral"]
    assert apply_migrations(owner_url, sql_dir) == []

    with psycopg.connect(app_url) as conn:
        conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
        row = conn.execute("select company, referral from applications").fetchone()
    assert row == ("Acme", "none")


def test_failed_migration_changes_nothing(empty_server, tmp_path):
    _, owner_url = empty_server
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    apply_migrations(owner_url, sql_dir)
    (sql_dir / "migrations" / "9001_broken.sql").write_text(
        "alter table applications add column half_done text;\nselect * from no_such_table;\n"
    )
    with pytest.raises(psycopg.errors.UndefinedTable):
        apply_migrations(owner_url, sql_dir)
    with psycopg.connect(owner_url) as conn:
        columns = conn.execute(
            "select column_name from information_schema.columns where table_name = 'applications'"
        ).fetchall()
    assert ("half_done",) not in columns


def test_repository_migrations_are_numbered_in_order():
    names = sorted(path.name for path in (SQL_DIR / "migrations").glob("*.sql"))
    numbers = [int(name.split("_", 1)[0]) for name in names]
    assert numbers == sorted(set(numbers)), "two migrations share a number"


def test_tracking_migration_puts_existing_applications_on_the_timeline(tmp_path):
    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-migrations-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    try:
        sql_dir = tmp_path / "sql"
        shutil.copytree(SQL_DIR, sql_dir)
        # 0004 and every migration after it (they may need its columns) wait until the old data is in.
        held_back = {path: path.read_text() for path in sorted((sql_dir / "migrations").glob("*.sql"))[3:]}
        assert next(iter(held_back)).name == "0004_tracking.sql"
        for path in held_back:
            path.unlink()
        apply_migrations(owner_url, sql_dir)
        with psycopg.connect(app_url) as conn:
            user_id = conn.execute("select auth_create_user('old@example.com', 'hash', 'Old', 'Data')").fetchone()[0]
            conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
            conn.execute(
                "insert into applications (user_id, company, role_title, job_description, status)"
                " values (%s, 'Acme', 'Engineer', 'A posting', 'interview'), (%s, 'Globex', 'Analyst', 'x', 'draft')",
                (user_id, user_id),
            )
        for path, text in held_back.items():
            path.write_text(text)
        assert apply_migrations(owner_url, sql_dir)[0] == "0004_tracking"
        with psycopg.connect(app_url) as conn:
            conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
            rows = conn.execute(
                "select a.company, e.kind, e.to_status, e.actor from application_events e"
                " join applications a on a.id = e.application_id order by a.company, e.kind"
            ).fetchall()
    finally:
        server.cleanup()
    assert rows == [
        ("Acme", "created", None, "system"),
        ("Acme", "status", "interview", "system"),
        ("Globex", "created", None, "system"),
    ]
