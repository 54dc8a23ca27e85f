"""Fixtures for integration tests: a fake AI provider, and a database that is down."""

import pytest

from db import connection
from tests.fake_ai_server import FakeAIServer, free_port


@pytest.fixture
def fake_ai():
    """A started fake Anthropic/OpenAI server, shut down after the test."""
    with FakeAIServer() as server:
        yield server


@pytest.fixture
def database_down(database_urls):
    """The process's database is a port where nothing listens, until the test ends."""
    app_url, _ = database_urls
    connection.use_database(f"postgresql://jobforge_app@127.0.0.1:{free_port()}/jobforge")
    yield
    connection.use_database(app_url, min_size=1, max_size=4)
