"""The connection pool and the one way to run SQL: a transaction bound to a user."""

import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass

import psycopg
from pgvector.psycopg import register_vector
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

_pool: ConnectionPool | None = None
_settings: dict = {}
# Pools inherited across a fork: kept referenced and never closed here, because closing (or
# garbage-collecting) them would end the parent's connections, whose sockets they share.
_inherited_pools: list[ConnectionPool] = []

# Timeouts nest: a request waits at most POOL_TIMEOUT for a connection and STATEMENT_TIMEOUT for a
# statement, both well inside gunicorn's worker timeout (gunicorn.conf.py), so an outage is a 503,
# never a killed worker.
POOL_TIMEOUT = 5.0
CONNECT_TIMEOUT = 3  # seconds; libpq's own, for a server that does not answer at all
STATEMENT_TIMEOUT_MS = 10_000
# /health waits this long for a connection: a load balancer's check must get its 503 well inside its own timeout.
HEALTH_TIMEOUT = 1.0
# A connection handed back this recently, after work that succeeded, is handed out again without the
# liveness round trip: every request checks out twice, and the check was a fifth of a light one.
RECENTLY_HEALTHY = 1.0  # seconds
_HEALTHY_AT = "_jobforge_healthy_at"


def _configure(conn: psycopg.Connection) -> None:
    register_vector(conn)
    conn.row_factory = dict_row


def _check(conn: psycopg.Connection) -> None:
    """The pool's check before handing out a connection.

    A restarted server leaves every idle connection dead. The pool would find them one by one,
    backing off longer after each; checking them all at the first dead one lets the first
    request after the restart succeed.
    """
    if time.monotonic() - getattr(conn, _HEALTHY_AT, -math.inf) < RECENTLY_HEALTHY:
        return
    try:
        ConnectionPool.check_connection(conn)
    except psycopg.Error:
        if _pool is not None:
            _pool.check()
        raise


def open_pool(conninfo: str, min_size: int = 1, max_size: int = 10, timeout: float = POOL_TIMEOUT) -> ConnectionPool:
    """Open the process's pool without waiting for the database: a process boots even while it is down."""
    global _pool
    close_pool()
    pool = ConnectionPool(
        conninfo,
        min_size=min_size,
        max_size=max_size,
        open=False,
        configure=_configure,
        check=_check,
        timeout=timeout,
        # Giving up a failed reconnection soon lets the next request try afresh, instead of waiting
        # out a backoff that grew during a long outage.
        reconnect_timeout=timeout,
        kwargs={"connect_timeout": CONNECT_TIMEOUT, "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"},
    )
    pool.open(wait=False)
    _pool = pool
    _settings.update(conninfo=conninfo, min_size=min_size, max_size=max_size, timeout=timeout)
    return pool


def use_database(conninfo: str, min_size: int = 1, max_size: int = 10, timeout: float = POOL_TIMEOUT) -> None:
    """Name the database this process and its forks use; each opens its pool on first use."""
    close_pool()
    _settings.update(conninfo=conninfo, min_size=min_size, max_size=max_size, timeout=timeout)


def close_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.close()
        _pool = None


def _forget_pool_after_fork() -> None:
    global _pool
    if _pool is not None:
        _inherited_pools.append(_pool)
        _pool = None


os.register_at_fork(after_in_child=_forget_pool_after_fork)


def _get_pool() -> ConnectionPool:
    if _pool is None and _settings:
        open_pool(**_settings)
    if _pool is None:
        raise RuntimeError("no database is configured; call db.connection.use_database() first")
    return _pool


@contextmanager
def _pooled(timeout: float | None = None) -> Iterator[psycopg.Connection]:
    """A pooled connection (waiting `timeout`, else the pool's), marked healthy when it goes back after work
    that raised nothing."""
    end_pending()  # first: a request holds at most the connections it held before begin_for_user existed
    with _get_pool().connection(timeout=timeout) as conn:
        yield conn
        setattr(conn, _HEALTHY_AT, time.monotonic())


@dataclass
class _Pending:
    """A transaction begun for `user_id` by begin_for_user, waiting for that person's first user_tx."""

    conn: psycopg.Connection | None
    user_id: str
    pid: int  # a forked child (a background job) inherits the object but must never touch the socket


# A mutable holder: Dash runs each callback in a copy of the request's context, and the taking done in
# the copy must be seen by end_pending in the request's own.
_pending: ContextVar[_Pending | None] = ContextVar("jobforge_pending_transaction", default=None)


def _give_back(conn: psycopg.Connection, commit: bool) -> None:
    """Ends `conn`'s explicit transaction (commit, else rollback) and returns it to the pool.

    A failed rollback is not raised, as psycopg's own transaction blocks do not: the exception on its
    way out says what went wrong, and the pool throws a broken connection away.
    """
    try:
        if commit:
            conn.commit()
            setattr(conn, _HEALTHY_AT, time.monotonic())
        else:
            with suppress(psycopg.Error):
                conn.rollback()
    finally:
        if conn.info.transaction_status == TransactionStatus.IDLE:
            conn.autocommit = False
        _get_pool().putconn(conn)


def begin_for_user(query: str, params: tuple) -> dict | None:
    """Begins a transaction with `query`, which must both return a person's row (with its "id") and set
    app.current_user_id to them (transaction-local), and keeps it for this context's first user_tx for that
    person, which continues it instead of opening its own.

    BEGIN and the query go out as one message (the simple protocol, the parameters bound by psycopg on
    this side): a signed-in request's session check, its set_config and the start of its transaction cost
    one round trip instead of three (auth/users.py). Returns the row; when there is none the transaction
    ends at once. end_pending ends one that no user_tx took.
    """
    end_pending()
    conn = _get_pool().getconn()
    try:
        conn.autocommit = True  # the BEGIN is ours
        cursor = psycopg.ClientCursor(conn)
        cursor.execute("begin; " + query, params)
        cursor.nextset()
        row = cursor.fetchone()
    except BaseException:
        _give_back(conn, commit=False)
        raise
    if row is None:
        _give_back(conn, commit=False)
        return None
    _pending.set(_Pending(conn, str(row["id"]), os.getpid()))
    return row


def _take_pending(user_id: str | None = None) -> psycopg.Connection | None:
    """The connection of this process's waiting transaction (if begun for `user_id`, when given), now taken."""
    pending = _pending.get()
    if pending is None or pending.conn is None or pending.pid != os.getpid():
        return None
    if user_id is not None and pending.user_id != user_id:
        return None
    conn, pending.conn = pending.conn, None
    return conn


def end_pending() -> None:
    """Rolls back a transaction begin_for_user kept that no user_tx took, and returns its connection."""
    conn = _take_pending()
    if conn is not None:
        _give_back(conn, commit=False)


@contextmanager
def user_tx(user_id) -> Iterator[psycopg.Connection]:
    """One transaction in which row level security shows only `user_id`'s rows.

    The setting is transaction-local, so it is gone when the connection returns to the pool.
    """
    conn = _take_pending(str(user_id))
    if conn is None:
        with _pooled() as conn, conn.transaction():
            conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
            yield conn
        return
    committed = False
    try:
        yield conn
        committed = True
    finally:
        _give_back(conn, commit=committed)


@contextmanager
def anonymous_tx() -> Iterator[psycopg.Connection]:
    """A transaction with no user: only the login and sign-up functions see anything here."""
    with _pooled() as conn, conn.transaction():
        yield conn


@contextmanager
def anonymous_statement(timeout: float | None = None) -> Iterator[psycopg.Connection]:
    """A connection for one statement outside any transaction (one round trip), with no user."""
    with _pooled(timeout) as conn:
        conn.autocommit = True
        try:
            yield conn
        finally:
            conn.autocommit = False


def database_answers(timeout: float = HEALTH_TIMEOUT) -> bool:
    """Whether the database runs a statement for this process, waiting about `timeout` s for a connection."""
    try:
        with anonymous_statement(timeout) as conn:
            conn.execute("select 1")
    except psycopg.Error:  # PoolTimeout is one too
        return False
    return True


def _generation_key(user_id) -> str:
    return f"generation:{user_id}"


def hold_generation_slot(conn, user_id) -> bool:
    """Take the person's generation slot until `conn`'s transaction ends; False while a generation runs.

    Account deletion holds it, so no job is writing the person's documents meanwhile.
    """
    key = _generation_key(user_id)
    return conn.execute("select pg_try_advisory_xact_lock(hashtextextended(%s, 0)) as ok", (key,)).fetchone()["ok"]


@contextmanager
def generation_slot(user_id) -> Iterator[bool]:
    """One document generation per person at a time, across tabs and processes.

    Yields False when another is running. A session-level advisory lock on a pooled connection:
    it is released at the end, or by PostgreSQL if the job's process is killed (a cancel).
    """
    end_pending()
    with _get_pool().connection() as conn:
        conn.autocommit = True
        key = _generation_key(user_id)
        acquired = conn.execute("select pg_try_advisory_lock(hashtextextended(%s, 0)) as ok", (key,)).fetchone()["ok"]
        try:
            yield acquired
        finally:
            if acquired:
                conn.execute("select pg_advisory_unlock(hashtextextended(%s, 0))", (key,))
            conn.autocommit = False
