"""The pool and its transactions (db/connection.py) against real PostgreSQL, as the application role."""

import os
import time

import psycopg
import pytest
from psycopg_pool import ConnectionPool

from db import applications
from db.connection import anonymous_statement, begin_for_user, end_pending, open_pool, user_tx
from db.users import SESSION_USER
from tests.support import make_application, make_person


@pytest.fixture
def one_connection(database_urls):
    """A pool of one connection, so each checkout gets the same one back."""
    app_url, _ = database_urls
    # A short wait: a connection that was never given back fails the test in a second, not five.
    open_pool(app_url, min_size=1, max_size=1, timeout=1)
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


PAUSE = 0.05  # seconds between beginning a transaction and the block that continues it


def _begun_earlier(conn) -> bool:
    """Whether conn's transaction began a PAUSE before this statement (now() is the transaction's start),
    not just the set_config before it."""
    row = conn.execute("select statement_timestamp() - now() >= %s * interval '0.8 s' as earlier", (PAUSE,))
    return row.fetchone()["earlier"]


def test_the_first_user_tx_of_a_person_continues_the_transaction_their_session_check_began(one_connection):
    person = make_person()
    row = begin_for_user(SESSION_USER, (person, 0))
    assert (row["id"], row["first_name"]) == (person, "Pat")
    time.sleep(PAUSE)
    with user_tx(person) as conn:
        assert _begun_earlier(conn)
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] == person
        application_id = applications.create_application(conn, "Acme", "Engineer", "A posting.", None, None)
    # Committed at the end of the block, and the one connection is back in the pool.
    with user_tx(person) as conn:
        assert not _begun_earlier(conn)
        assert applications.get_application(conn, application_id)["company"] == "Acme"


def test_work_that_fails_in_the_continued_transaction_is_rolled_back(one_connection):
    person = make_person()
    begin_for_user(SESSION_USER, (person, 0))
    with pytest.raises(RuntimeError), user_tx(person) as conn:
        application_id = applications.create_application(conn, "Acme", "Engineer", "A posting.", None, None)
        raise RuntimeError("the callback failed")
    with user_tx(person) as conn:
        assert applications.get_application(conn, application_id) is None
        assert conn.autocommit is False


def test_a_session_whose_epoch_moved_on_begins_nothing(one_connection):
    person = make_person()
    assert begin_for_user(SESSION_USER, (person, 1)) is None
    with user_tx(person) as conn:
        assert not _begun_earlier(conn)


def test_another_persons_work_never_continues_it(one_connection):
    person, other = make_person(), make_person()
    make_application(person, company="Mine only")
    begin_for_user(SESSION_USER, (person, 0))
    # Ended first (the pool has one connection): the other person's block opens its own transaction.
    with user_tx(other) as conn:
        assert not _begun_earlier(conn)
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] == other
        assert conn.execute("select count(*) as n from applications").fetchone()["n"] == 0
    with user_tx(person) as conn:
        assert not _begun_earlier(conn)


def test_a_transaction_nobody_took_is_rolled_back_and_its_connection_given_back(one_connection):
    person = make_person()
    begin_for_user(SESSION_USER, (person, 0))
    end_pending()
    with anonymous_statement() as conn:
        assert conn.execute("select app_current_user_id() as id").fetchone()["id"] is None


def test_a_forked_child_never_takes_its_parents_transaction(one_connection):
    person = make_person()
    begin_for_user(SESSION_USER, (person, 0))
    time.sleep(PAUSE)
    child = os.fork()
    if child == 0:  # a background job's process: the parent's connection must stay the parent's
        from db.connection import _take_pending

        os._exit(0 if _take_pending(str(person)) is None else 1)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with user_tx(person) as conn:
        assert _begun_earlier(conn)
