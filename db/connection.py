"""The connection pool and the one way to run SQL: a transaction bound to a user."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from pgvector.psycopg import register_vector
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

_pool: ConnectionPool | None = None
_settings: dict = {}
# Pools inherited across a fork: kept referenced and never closed here, because closing (or
# garbage-collecting) them would end the parent's connections, whose sockets they share.
_inherited_pools: list[ConnectionPool] = []


def _configure(conn: psycopg.Connection) -> None:
    register_vector(conn)
    conn.row_factory = dict_row


def open_pool(conninfo: str, min_size: int = 1, max_size: int = 10) -> ConnectionPool:
    """Open the process's pool. Call after forking (each gunicorn worker opens its own)."""
    global _pool
    close_pool()
    # check: a connection the server dropped (restart, failover) is replaced before it is handed out.
    pool = ConnectionPool(
        conninfo,
        min_size=min_size,
        max_size=max_size,
        open=False,
        configure=_configure,
        check=ConnectionPool.check_connection,
    )
    pool.open(wait=True, timeout=30)
    _pool = pool
    _settings.update(conninfo=conninfo, min_size=min_size, max_size=max_size)
    return pool


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
        # A forked process (a background callback job) opens a small pool of its own.
        open_pool(_settings["conninfo"], min_size=1, max_size=2)
    if _pool is None:
        raise RuntimeError("the database pool is not open; call db.connection.open_pool() first")
    return _pool


@contextmanager
def user_tx(user_id) -> Iterator[psycopg.Connection]:
    """One transaction in which row level security shows only `user_id`'s rows.

    The setting is transaction-local, so it is gone when the connection returns to the pool.
    """
    with _get_pool().connection() as conn, conn.transaction():
        conn.execute("select set_config('app.current_user_id', %s, true)", (str(user_id),))
        yield conn


@contextmanager
def anonymous_tx() -> Iterator[psycopg.Connection]:
    """A transaction with no user: only the login and sign-up functions see anything here."""
    with _get_pool().connection() as conn, conn.transaction():
        yield conn


@contextmanager
def generation_slot(user_id) -> Iterator[bool]:
    """One document generation per person at a time, across tabs and processes.

    Yields False when another is running. A session-level advisory lock on a pooled connection:
    it is released at the end, or by PostgreSQL if the job's process is killed (a cancel).
    """
    with _get_pool().connection() as conn:
        conn.autocommit = True
        key = f"generation:{user_id}"
        acquired = conn.execute("select pg_try_advisory_lock(hashtextextended(%s, 0)) as ok", (key,)).fetchone()["ok"]
        try:
            yield acquired
        finally:
            if acquired:
                conn.execute("select pg_advisory_unlock(hashtextextended(%s, 0))", (key,))
            conn.autocommit = False
