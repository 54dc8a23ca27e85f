"""Shared fixtures: a real PostgreSQL reached as the application role, the app, and helpers.

One app per test session: Dash keeps page and callback registrations in process-wide
registries that only the first Dash instance receives.
"""

import dataclasses
import os
import re
import tempfile
import uuid
from pathlib import Path

import pytest
import tqdm

import config
from config import Config
from db import connection, embedded
from db.migrations import apply_migrations

# tqdm (used while the embedding model loads) starts a monitor thread; dash_duo's server shutdown
# would interrupt it and pytest would report that as a thread exception.
tqdm.tqdm.monitor_interval = 0

# Every file a test reads; where each comes from and its licence: fixtures/README.md.
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_RESUMES = [
    "resume-backend-engineer.txt",
    "resume-marketing-mismatch.txt",
    "resume-standard.txt",
    "resume-strong-senior.txt",
    "resume-weak-sparse.txt",
    "resume-markdown-example.md",
]
FIXTURE_POSTINGS = [
    "jd-senior-backend-engineer.txt",
    "jd-backend-engineer.txt",
    "jd-frontend-engineer.txt",
    "jd-product-manager.txt",
]
TEST_PASSWORD = "correct horse battery"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text()


@pytest.fixture(scope="session")
def database_urls():
    """(application url, owner url): DATABASE_URL if set, else a throwaway embedded server."""
    if os.environ.get("DATABASE_URL"):
        app_url = os.environ["DATABASE_URL"]
        owner_url = os.environ.get("MIGRATION_DATABASE_URL", app_url)
        apply_migrations(owner_url)
        yield app_url, owner_url
        return
    pgdata = Path(tempfile.mkdtemp(prefix="jobforge-test-")) / "pgdata"
    server, app_url, owner_url = embedded.prepare(pgdata, cleanup_mode="delete")
    apply_migrations(owner_url)
    yield app_url, owner_url
    server.cleanup()


@pytest.fixture(scope="session")
def pool(database_urls):
    """The process's pool, as the application role (never a superuser)."""
    app_url, _ = database_urls
    yield connection.open_pool(app_url, min_size=1, max_size=4)


@pytest.fixture(scope="session")
def app(database_urls, pool, tmp_path_factory):
    from app import create_app

    app_url, owner_url = database_urls
    config = Config(
        data_dir=tmp_path_factory.mktemp("jobforge-data"),
        secret_key="test-secret-key",
        database_url=app_url,
        migration_database_url=owner_url,
        # The suite signs many people up from one address; the limits have a test of their own.
        login_limit_per_address="1000 per minute",
        signup_limit_per_address="1000 per minute",
    )
    return create_app(config)


@pytest.fixture
def client(app):
    return app.server.test_client()


def unique_email(prefix: str = "person") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


class AuthActions:
    """Sign up, log in and log out through the real forms, CSRF token included."""

    def __init__(self, client):
        self._client = client

    def csrf_token(self, path: str = "/login") -> str:
        page = self._client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    def register(self, email=None, password=TEST_PASSWORD, first_name="Jordan", last_name="Ellis", next_path=None):
        email = email or unique_email()
        url = "/register" + (f"?next={next_path}" if next_path else "")
        data = {
            "csrf_token": self.csrf_token("/register"),
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "password": password,
        }
        return self._client.post(url, data=data)

    def login(self, email, password=TEST_PASSWORD, next_path=None):
        url = "/login" + (f"?next={next_path}" if next_path else "")
        data = {"csrf_token": self.csrf_token("/login"), "email": email, "password": password}
        return self._client.post(url, data=data)

    def logout(self):
        token = self._client.get_cookie("_csrf_token")
        return self._client.post("/logout", data={"csrf_token": token.value if token else ""})


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def site(app):
    """The local posting server (tests/posting_server.py), which the app may fetch from while it runs
    (allowed as FETCH_ALLOW_HOSTS would allow it)."""
    from tests.posting_server import PostingServer  # here: it reads FIXTURES from this module

    original = config.active()
    with PostingServer() as server:
        config.activate(dataclasses.replace(original, fetch_allow_hosts=server.allow_hosts))
        yield server
        config.activate(original)
