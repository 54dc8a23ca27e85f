"""Preparing the database once, before serving: embedded server if needed, migrations, a safety check."""

import psycopg
from psycopg.rows import dict_row

from config import Config
from db import embedded
from db.connection import CONNECT_TIMEOUT
from db.migrations import apply_migrations

# Tables every installed schema has; more come with migrations and are found in the catalog.
CORE_TABLES = {"users", "user_resumes", "applications", "documents", "document_versions", "embeddings"}


class UnsafeDatabaseRole(RuntimeError):
    """The application role could see past row level security."""


def verify_application_role(conn: psycopg.Connection) -> None:
    """Refuse to serve when row level security would not confine the role `conn` signed in as."""
    role = conn.execute(
        "select current_user as name, rolsuper, rolbypassrls from pg_roles where rolname = current_user"
    ).fetchone()
    # Every table with a user_id column (and users itself) holds tenant rows.
    tables = conn.execute(
        "select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner"
        " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " where n.nspname = 'public' and c.relkind in ('r', 'p') and (c.relname = 'users' or exists"
        " (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped))"
    ).fetchall()
    problems = []
    if role["rolsuper"] or role["rolbypassrls"]:
        problems.append(f"role {role['name']} is a superuser or bypasses row level security")
    for table in tables:
        if table["owner"] == role["name"]:
            problems.append(f"role {role['name']} owns {table['relname']} and could turn its policies off")
        if not (table["relrowsecurity"] and table["relforcerowsecurity"]):
            problems.append(f"row level security is not enabled and forced on {table['relname']}")
    if not CORE_TABLES.issubset(table["relname"] for table in tables):
        problems.append("tables are missing: migrations did not run")
    if problems:
        raise UnsafeDatabaseRole(
            "Job Forge will not start: " + "; ".join(problems) + ". DATABASE_URL must name the jobforge_app role "
            "(see docs/deploy.md)."
        )


def prepare_database(config: Config) -> str:
    """Run once per start, before any worker forks; returns the application role's URL.

    Workers never migrate: one that boots while the database is down keeps running and answers 503.
    """
    if config.embedded_database:
        _, app_url, owner_url = embedded.prepare(config.pgdata_dir)
    else:
        app_url, owner_url = config.database_url, config.migration_database_url
    # Migrations create the vector extension, which the pool's configure step needs.
    apply_migrations(owner_url)
    with psycopg.connect(app_url, row_factory=dict_row, connect_timeout=CONNECT_TIMEOUT) as conn:
        verify_application_role(conn)
    return app_url
