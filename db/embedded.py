"""An embedded PostgreSQL (pgserver) for running Job Forge with nothing configured."""

from pathlib import Path

import psycopg
from psycopg import sql

DATABASE_NAME = "jobforge"
OWNER_ROLE = "jobforge_owner"
APP_ROLE = "jobforge_app"
AUTH_ROLE = "jobforge_auth"


def start_server(pgdata: Path, cleanup_mode: str = "stop"):
    """Start (or reuse) the server in `pgdata`; it stops when the last Python handle exits."""
    import pgserver  # imported lazily: production deployments never load it

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    return pgserver.get_server(pgdata, cleanup_mode=cleanup_mode)


def _role_url(server, role: str) -> str:
    socket_dir = server.get_postmaster_info().socket_dir
    return f"postgresql://{role}@/{DATABASE_NAME}?host={socket_dir}"


def create_roles_and_database(superuser_url: str, superuser_jobforge_url: str) -> None:
    """Create the three roles, the database and the vector extension, if missing.

    The same statements are what a DBA runs once on a production server (docs/deploy.md).
    """
    with psycopg.connect(superuser_url, autocommit=True) as conn:
        existing = {row[0] for row in conn.execute("select rolname from pg_roles")}
        role_options = {
            OWNER_ROLE: "login nosuperuser nobypassrls",
            APP_ROLE: "login nosuperuser nobypassrls nocreatedb nocreaterole",
            AUTH_ROLE: "nologin nosuperuser nobypassrls",
        }
        for role, options in role_options.items():
            if role not in existing:
                conn.execute(sql.SQL("create role {} " + options).format(sql.Identifier(role)))
        # The owner hands the login functions to jobforge_auth, which needs membership.
        conn.execute(sql.SQL("grant {} to {}").format(sql.Identifier(AUTH_ROLE), sql.Identifier(OWNER_ROLE)))
        has_db = conn.execute("select 1 from pg_database where datname = %s", (DATABASE_NAME,)).fetchone()
        if not has_db:
            conn.execute(
                sql.SQL("create database {} owner {}").format(sql.Identifier(DATABASE_NAME), sql.Identifier(OWNER_ROLE))
            )
    with psycopg.connect(superuser_jobforge_url, autocommit=True) as conn:
        # pgvector is not a trusted extension, so only a superuser may create it.
        conn.execute("create extension if not exists vector")


def prepare(pgdata: Path, cleanup_mode: str = "stop") -> tuple[object, str, str]:
    """Start the embedded server and return (server, application url, owner url)."""
    server = start_server(pgdata, cleanup_mode)
    create_roles_and_database(server.get_uri(), server.get_uri(DATABASE_NAME))
    return server, _role_url(server, APP_ROLE), _role_url(server, OWNER_ROLE)
