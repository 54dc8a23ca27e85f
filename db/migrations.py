"""Applies sql/schema.sql and then sql/migrations/NNNN_*.sql in order, recording each (yoyo)."""

from pathlib import Path

from yoyo import get_backend
from yoyo.migrations import Migration, MigrationList

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
BASELINE_ID = "0000_schema"


def migration_list(sql_dir: Path = SQL_DIR) -> MigrationList:
    """The baseline first, then the numbered files by name."""
    numbered = sorted((sql_dir / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql"))
    migrations = [Migration(BASELINE_ID, str(sql_dir / "schema.sql"), str(sql_dir))]
    migrations += [Migration(path.stem, str(path), str(path.parent)) for path in numbered]
    return MigrationList(migrations)


def _yoyo_url(owner_url: str) -> str:
    scheme, rest = owner_url.split("://", 1)
    if scheme in ("postgres", "postgresql"):
        scheme = "postgresql+psycopg"
    return f"{scheme}://{rest}"


def apply_migrations(owner_url: str, sql_dir: Path = SQL_DIR) -> list[str]:
    """Apply what is not yet applied, under yoyo's lock; return the ids applied now."""
    backend = get_backend(_yoyo_url(owner_url), migration_table="schema_migrations")
    try:
        with backend.lock():
            pending = backend.to_apply(migration_list(sql_dir))
            backend.apply_migrations(pending)
            return [migration.id for migration in pending]
    finally:
        backend.connection.close()
