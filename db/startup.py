"""Bringing the database up at start-up: embedded server if needed, migrations, then the pool."""

from config import Config
from db import embedded
from db.connection import open_pool
from db.migrations import apply_migrations


def start_database(config: Config) -> None:
    if config.embedded_database:
        _, app_url, owner_url = embedded.prepare(config.pgdata_dir)
    else:
        app_url, owner_url = config.database_url, config.migration_database_url
    # Migrations create the vector extension, which the pool's configure step needs.
    apply_migrations(owner_url)
    open_pool(app_url, config.pool_min_size, config.pool_max_size)
