"""The provider layer, with the real anthropic and openai SDKs talking to a local fake server."""

import logging
import pickle

import anthropic
import openai
import pytest

from ai import offline
from ai.providers import (
    AnthropicProvider,
    OfflineProvider,
    OpenAIProvider,
    ProviderError,
    available_providers,
    default_provider_name,
    get_provider,
)
from config import Config
from tests.fake_ai_server import FakeAIServer, FakeReply, closed_port_url, fake_embedding

API_KEY = "sk-test-SECRET-4f8a2c"
SYSTEM = "You write cover letters. SYSTEM-MARKER"
MESSAGES = [
    {"role": "user", "content": "Posting: backend engineer. PROMPT-MARKER"},
    {"role": "assistant", "content": "Noted."},
    {"role": "user", "content": "Now write the letter."},
]
TIMEOUT = 5.0  # generous: a reply that does come must never time out on a busy machine
SHORT_TIMEOUT = 0.2  # for replies held back for seconds
KINDS = ["anthropic", "openai"]


def make_provider(kind: str, base_url: str, api_key: str = API_KEY, timeout: float = TIMEOUT, max_retries: int = 0):
    """A provider pointed at `base_url`, the server's root (the OpenAI one gets /v1 appended)."""
    if kind == "anthropic":
        return AnthropicProvider(api_key, "claude-test", base_url=base_url, timeout=timeout, max_retries=max_retries)
    return OpenAIProvider(api_key, "gpt-test", base_url=base_url + "/v1", timeout=timeout, max_retries=max_retries)


def collect(provider) -> tuple[list[str], ProviderError | None]:
    """The chunks that arrived and the error that ended the stream, if any."""
    received = []
    try:
        for chunk in provider.stream(SYSTEM, MESSAGES):
            received.append(chunk)
    except ProviderError as error:
        return received, error
    return received, None


def assert_clear_error(error: ProviderError | None, provider, *fragments: str) -> None:
    assert isinstance(error, ProviderError)
    assert str(error) == error.message
    assert error.provider_label == provider.label
    assert provider.label in error.message
    for fragment in fragments:
        assert fragment in error.message
    for secret in (API_KEY, "PROMPT-MARKER", "SYSTEM-MARKER", "Fake"):
        assert secret not in error.message


# -- streaming text -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_stream_yields_the_chunks_in_order(kind, fake_ai):
    fake_ai.reply(FakeReply(chunks=["Dear hiring ", "manager,\n\n", "I build ", "queues."]))
    received, error = collect(make_provider(kind, fake_ai.url))
    assert error is None
    assert received == ["Dear hiring ", "manager,\n\n", "I build ", "queues."]


def test_anthropic_request_carries_system_prompt_messages_model_and_key(fake_ai):
    provider = AnthropicProvider(API_KEY, "claude-test", base_url=fake_ai.url, max_retries=0, max_tokens=1234)
    assert "".join(provider.stream(SYSTEM, MESSAGES)) == "Hello from the fake model."
    [request] = fake_ai.requests
    assert request["path"] == "/v1/messages"
    assert request["headers"]["authorization"] == f"Bearer {API_KEY}"  # anthropic 2.x sends the key as a bearer token
    body = request["body"]
    assert body["system"] == SYSTEM
    assert body["messages"] == MESSAGES
    assert (body["model"], body["max_tokens"], body["stream"]) == ("claude-test", 1234, True)


def test_openai_request_puts_the_system_prompt_first_and_sends_the_key(fake_ai):
    provider = make_provider("openai", fake_ai.url)
    assert "".join(provider.stream(SYSTEM, MESSAGES)) == "Hello from the fake model."
    [request] = fake_ai.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["authorization"] == f"Bearer {API_KEY}"
    body = request["body"]
    assert body["messages"] == [{"role": "system", "content": SYSTEM}, *MESSAGES]
    assert (body["model"], body["stream"]) == ("gpt-test", True)


def test_openai_compatible_server_needs_no_key(fake_ai):
    provider = make_provider("openai", fake_ai.url, api_key="")
    assert "".join(provider.stream(SYSTEM, MESSAGES)) == "Hello from the fake model."
    assert fake_ai.requests[0]["headers"]["authorization"] == "Bearer not-needed"


@pytest.mark.parametrize("kind", KINDS)
def test_sdk_retries_are_used(kind, fake_ai):
    """max_retries goes to the SDK, which retries a 500 by itself."""
    fake_ai.reply(FakeReply(status=500), FakeReply(text="Second time lucky."))
    provider = make_provider(kind, fake_ai.url, max_retries=1)
    assert "".join(provider.stream(SYSTEM, MESSAGES)) == "Second time lucky."
    assert len(fake_ai.requests) == 2


# -- failures become one clear sentence ---------------------------------------------------------------

STATUS_CASES = [  # {env} is ANTHROPIC or OPENAI, {model} the configured model name
    (401, ["rejected the API key (401)", "{env}_API_KEY"]),
    (403, ["(403)", "{model}"]),
    (404, ["(404)", "{model}", "{env}_MODEL"]),
    (400, ["(400)", "{model}", "{env}_MODEL"]),
    (429, ["(429)", "Wait a minute"]),
    (500, ["server error (500)"]),
    (503, ["server error (503)"]),
    (529, ["overloaded", "(529)"]),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("status", "fragments"), STATUS_CASES, ids=[str(case[0]) for case in STATUS_CASES])
def test_http_errors_become_provider_errors(kind, status, fragments, fake_ai):
    fake_ai.reply(FakeReply(status=status))
    provider = make_provider(kind, fake_ai.url)
    received, error = collect(provider)
    assert received == []
    env = kind.upper()
    assert_clear_error(error, provider, *[fragment.format(env=env, model=provider.model) for fragment in fragments])


def test_openai_quota_exhausted_is_told_apart_from_rate_limit(fake_ai):
    fake_ai.reply(FakeReply(status=429, error_type="insufficient_quota"))
    provider = make_provider("openai", fake_ai.url)
    _, error = collect(provider)
    assert_clear_error(error, provider, "no quota left", "(429)")


@pytest.mark.parametrize("kind", KINDS)
def test_timeout_before_the_answer(kind, fake_ai):
    fake_ai.reply(FakeReply(delay=3))
    provider = make_provider(kind, fake_ai.url, timeout=SHORT_TIMEOUT)
    received, error = collect(provider)
    assert received == []
    assert_clear_error(error, provider, f"did not answer within {SHORT_TIMEOUT:g} seconds")


@pytest.mark.parametrize("kind", KINDS)
def test_timeout_while_streaming(kind, fake_ai):
    fake_ai.reply(FakeReply(chunks=["First part. ", "Never arrives."], chunk_delay=5))
    provider = make_provider(kind, fake_ai.url, timeout=1.0)
    received, error = collect(provider)
    assert received == ["First part. "]
    assert_clear_error(error, provider, "did not answer within 1 second.")


@pytest.mark.parametrize("kind", KINDS)
def test_connection_refused(kind):
    provider = make_provider(kind, closed_port_url())
    received, error = collect(provider)
    assert received == []
    assert_clear_error(error, provider, "Could not reach", "127.0.0.1")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reply", [FakeReply(text=""), FakeReply(chunks=["  ", "\n"])], ids=["nothing", "whitespace"])
def test_empty_output(kind, reply, fake_ai):
    fake_ai.reply(reply)
    provider = make_provider(kind, fake_ai.url)
    _, error = collect(provider)
    assert_clear_error(error, provider, "empty answer")


@pytest.mark.parametrize("kind", KINDS)
def test_stream_broken_after_some_text(kind, fake_ai):
    fake_ai.reply(FakeReply(chunks=["Dear hiring manager, ", "I am ", "writing"], break_after=2))
    provider = make_provider(kind, fake_ai.url)
    received, error = collect(provider)
    assert received == ["Dear hiring manager, ", "I am "]
    assert_clear_error(error, provider, "broke while the answer was arriving")


@pytest.mark.parametrize("kind", KINDS)
def test_stream_broken_before_any_text(kind, fake_ai):
    fake_ai.reply(FakeReply(break_after=0))
    provider = make_provider(kind, fake_ai.url)
    received, error = collect(provider)
    assert received == []
    assert_clear_error(error, provider, "broke while the answer was arriving")


def test_anthropic_overloaded_error_event_inside_a_stream(fake_ai):
    fake_ai.reply(FakeReply(chunks=["Partial "], stream_error="overloaded_error"))
    provider = make_provider("anthropic", fake_ai.url)
    received, error = collect(provider)
    assert received == ["Partial "]
    assert_clear_error(error, provider, "overloaded")


@pytest.mark.parametrize("kind", KINDS)
def test_other_error_inside_a_stream(kind, fake_ai):
    fake_ai.reply(FakeReply(chunks=["Partial "], stream_error="invalid_request_error"))
    provider = make_provider(kind, fake_ai.url)
    received, error = collect(provider)
    assert received == ["Partial "]
    assert_clear_error(error, provider, "broke while the answer was arriving")


FAILURES = [
    FakeReply(status=401),
    FakeReply(status=500),
    FakeReply(status=400),
    FakeReply(break_after=1),
    FakeReply(delay=3),
    FakeReply(text=""),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reply", FAILURES, ids=["401", "500", "400", "broken", "timeout", "empty"])
def test_no_log_record_holds_the_key_or_the_prompt(kind, reply, fake_ai, caplog):
    """Everything logged at DEBUG and up by our code, the SDKs and httpx2 during a failing call."""
    caplog.set_level(logging.DEBUG)
    fake_ai.reply(reply)
    provider = make_provider(kind, fake_ai.url, timeout=SHORT_TIMEOUT)
    _, error = collect(provider)
    assert error is not None
    assert any(record.name.startswith(kind) for record in caplog.records)  # the SDK did log at DEBUG
    assert any(record.name == "ai.providers" for record in caplog.records)  # and so did we
    for text in [caplog.text, *(record.getMessage() for record in caplog.records)]:
        for secret in (API_KEY, "PROMPT-MARKER", "SYSTEM-MARKER"):
            assert secret not in text


def test_anthropic_sdk_debug_log_of_the_request_body_is_redacted(fake_ai, caplog):
    """The anthropic SDK logs each request's JSON body at DEBUG; our filter keeps the person's text out."""
    caplog.set_level(logging.DEBUG)
    "".join(make_provider("anthropic", fake_ai.url).stream(SYSTEM, MESSAGES))
    options_logs = [record for record in caplog.records if record.getMessage().startswith("Request options")]
    assert options_logs
    assert all("<redacted>" in record.getMessage() for record in options_logs)
    assert "PROMPT-MARKER" not in caplog.text


# -- choosing a provider --------------------------------------------------------------------------------


def config_with(tmp_path, **settings) -> Config:
    return Config(data_dir=tmp_path, secret_key="x", **settings)


def test_nothing_configured_means_offline_only(tmp_path):
    config = config_with(tmp_path)
    providers = available_providers(config)
    assert list(providers) == ["offline"]
    assert isinstance(providers["offline"], OfflineProvider)
    assert default_provider_name(config) == "offline"
    assert get_provider(config, None).name == "offline"
    assert get_provider(config, "anthropic").name == "offline"


def test_both_keys_prefer_anthropic_and_keep_offline_last(tmp_path):
    config = config_with(
        tmp_path, anthropic_api_key="a-key", anthropic_model="claude-x", openai_api_key="o-key", openai_model="gpt-y"
    )
    providers = available_providers(config)
    assert list(providers) == ["anthropic", "openai", "offline"]
    assert (providers["anthropic"].model, providers["anthropic"].label) == ("claude-x", "Claude (claude-x)")
    assert (providers["openai"].model, providers["openai"].label) == ("gpt-y", "OpenAI (gpt-y)")
    assert default_provider_name(config) == "anthropic"
    assert get_provider(config, "openai").name == "openai"
    assert get_provider(config, "offline").name == "offline"
    assert get_provider(config, None).name == "anthropic"
    assert get_provider(config, "no-such-provider").name == "anthropic"


def test_openai_key_alone_makes_openai_the_default(tmp_path):
    config = config_with(tmp_path, openai_api_key="o-key")
    assert list(available_providers(config)) == ["openai", "offline"]
    assert default_provider_name(config) == "openai"
    assert get_provider(config, "anthropic").name == "openai"


def test_openai_base_url_without_key_is_configured_and_works(tmp_path, fake_ai):
    config = config_with(tmp_path, openai_base_url=fake_ai.openai_base_url, openai_model="llama3.2")
    assert default_provider_name(config) == "openai"
    provider = get_provider(config, None)
    assert provider.label == "OpenAI-compatible server (llama3.2)"
    assert "".join(provider.stream(SYSTEM, MESSAGES)) == "Hello from the fake model."
    assert fake_ai.requests[0]["body"]["model"] == "llama3.2"


def test_offline_provider_is_labelled():
    provider = OfflineProvider()
    assert (provider.name, provider.label, provider.model) == ("offline", "Offline drafter", offline.MODEL)


def test_provider_error_survives_pickling():
    """Background callbacks can hand the error to another process."""
    original = ProviderError("Claude (claude-x)", "Claude (claude-x) is overloaded.")
    error = pickle.loads(pickle.dumps(original))  # noqa: S301 - bytes this test just made
    assert isinstance(error, ProviderError)
    assert (error.provider_label, error.message, str(error)) == (
        original.provider_label,
        original.message,
        original.message,
    )


def test_provider_repr_shows_no_key():
    assert API_KEY not in repr(make_provider("anthropic", "http://127.0.0.1:9"))
    assert API_KEY not in repr(make_provider("openai", "http://127.0.0.1:9"))


# -- the fake server itself, for other tests that use it ------------------------------------------------


def test_fake_server_plain_replies_parse_with_both_sdks(fake_ai):
    fake_ai.reply(FakeReply(text="Plain Claude."), FakeReply(text="Plain OpenAI."))
    claude = anthropic.Anthropic(api_key=API_KEY, base_url=fake_ai.url, max_retries=0)
    message = claude.messages.create(model="m", max_tokens=10, messages=[{"role": "user", "content": "hi"}])
    assert message.content[0].text == "Plain Claude."
    gpt = openai.OpenAI(api_key=API_KEY, base_url=fake_ai.openai_base_url, max_retries=0)
    completion = gpt.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    assert completion.choices[0].message.content == "Plain OpenAI."
    assert [request["body"].get("stream") for request in fake_ai.requests] == [None, None]


@pytest.mark.parametrize("encoding", [{"encoding_format": "float"}, {}], ids=["float", "sdk-default-base64"])
def test_fake_server_embeddings_are_deterministic_unit_vectors(fake_ai, encoding):
    gpt = openai.OpenAI(api_key=API_KEY, base_url=fake_ai.openai_base_url, max_retries=0)
    result = gpt.embeddings.create(model="e", input=["alpha", "beta", "alpha"], **encoding)
    assert fake_ai.requests[0]["body"]["encoding_format"] == encoding.get("encoding_format", "base64")
    vectors = [item.embedding for item in result.data]
    assert [item.index for item in result.data] == [0, 1, 2]
    assert all(len(vector) == 8 for vector in vectors)
    assert vectors[0] == pytest.approx(vectors[2]) and vectors[0] != pytest.approx(vectors[1])
    assert sum(value * value for value in vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert vectors[1] == pytest.approx(fake_embedding("beta", 8), abs=1e-6)


def test_fake_server_embedding_dims_are_configurable():
    with FakeAIServer(embedding_dims=1536) as fake:
        gpt = openai.OpenAI(api_key=API_KEY, base_url=fake.openai_base_url, max_retries=0)
        result = gpt.embeddings.create(model="text-embedding-3-small", input="one text")
    assert len(result.data[0].embedding) == 1536
