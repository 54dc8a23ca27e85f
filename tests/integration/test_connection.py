"""The pool and its transactions (db/connection.py) against real PostgreSQL, as the application role."""

import psycopg
import pytest
from psycopg_pool import ConnectionPool

from db.connection import anonymous_statement, open_pool, user_tx
from tests.support import make_person


@pytest.fixture
def one_connection(database_urls):
    """A pool of one connection, so each checkout gets the same one back."""
    app_url, _ = database_urls
    open_pool(app_url, min_size=1, max_size=1)
    yield
    open_pool(app_url, min_size=1, max_size=4)


@pytest.fixture
def liveness_checks(monkeypatch):
    """How many liveness round trips the pool makes."""
    calls = []
    real = ConnectionPool.check_connection

    def counted(conn):
        calls.append(conn)
        real(conn)

    monkeypatch.setattr(ConnectionPool, "check_connection", staticmethod(counted))
    return calls


def test_a_connection_back_from_good_work_is_handed_out_again_without_a_check(one_connection, liveness_checks):
    person = make_person()
    with user_tx(person) as conn:
        conn.execute("select 1")
    checks_before = len(liveness_checks)
    with user_tx(person) as conn:
        conn.execute("select 1")
    assert len(liveness_checks) == checks_before


def test_a_connection_back_from_failed_work_is_checked_and_replaced_when_dead(one_connection, liveness_checks):
    person = make_person()
    with pytest.raises(psycopg.OperationalError), user_tx(person) as conn:
        conn.execute("select pg_terminate_backend(pg_backend_pid())")
    checks_before = len(liveness_checks)
    with user_tx(person) as conn:
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] == person
    assert len(liveness_checks) > checks_before


def test_one_statement_outside_a_transaction_leaves_the_connection_as_it_was(one_connection):
    with anonymous_statement() as conn:
        assert conn.execute("select now() = statement_timestamp() as outside").fetchone()["outside"]
    person = make_person()
    with user_tx(person) as conn:
        assert conn.autocommit is False
        assert conn.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS
