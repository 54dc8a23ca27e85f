"""Fixtures for integration tests that need a fake AI provider."""

import pytest

from tests.fake_ai_server import FakeAIServer


@pytest.fixture
def fake_ai():
    """A started fake Anthropic/OpenAI server, shut down after the test."""
    with FakeAIServer() as server:
        yield server
