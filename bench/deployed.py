"""The app as deployed, for benchmarks: gunicorn.conf.py (as `make run` starts it) on a throwaway embedded PostgreSQL.

The database gets the repository's migrations; the app connects as the application role, the
benchmark as that role too (through db.connection) and, to load bulk data with COPY, as superuser.
"""

import contextlib
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from db import embedded  # noqa: E402
from db.connection import use_database  # noqa: E402
from db.migrations import apply_migrations  # noqa: E402
from tests.fake_ai_server import free_port  # noqa: E402
from tests.processes import Processes, answers, gunicorn_command, wait_until  # noqa: E402


@dataclass
class Deployed:
    base_url: str  # the app, http://127.0.0.1:PORT
    app_url: str  # the database as the application role
    superuser_url: str  # the database as superuser, for COPY past row level security
    base_env: dict  # the environment every benchmark process starts from
    work: Path  # logs and data
    processes: Processes  # the app is processes.started[0]; a benchmark may start more

    @property
    def master_pid(self) -> int:
        return self.processes.started[0][1].pid


def _base_env() -> dict:
    keep = ("PATH", "HOME", "LANG", "PYTHONPATH")
    return {key: os.environ[key] for key in keep if key in os.environ}


@contextlib.contextmanager
def deployed_app(app_env: dict | None = None) -> Iterator[Deployed]:
    """Starts the database and the app (extra environment in `app_env`); stops both after, the app's log on failure."""
    work = Path(tempfile.mkdtemp(prefix="jobforge-bench-"))
    server, app_url, owner_url = embedded.prepare(work / "pgdata", cleanup_mode="delete")
    processes = Processes(work)
    try:
        apply_migrations(owner_url)
        use_database(app_url)
        port = free_port()
        base_env = _base_env()
        env = base_env | {
            "DATABASE_URL": app_url,
            "MIGRATION_DATABASE_URL": owner_url,
            "SECRET_KEY": uuid.uuid4().hex,
            "JOBFORGE_DATA_DIR": str(work / "data"),
            "PORT": str(port),
            "SIGNUP_LIMIT_PER_ADDRESS": "1000 per minute",
        }
        processes.start("app", gunicorn_command(), env | (app_env or {}))
        base_url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(base_url + "/login"), "the app")
        yield Deployed(base_url, app_url, server.get_uri(embedded.DATABASE_NAME), base_env, work, processes)
    except BaseException:
        print((work / "app.log").read_text(errors="replace")[-4000:])
        raise
    finally:
        for _name, process in reversed(processes.started):
            process.terminate()
            process.wait(timeout=15)
        server.cleanup()
