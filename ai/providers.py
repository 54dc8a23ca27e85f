"""Language-model providers behind one small interface: stream text for a system prompt and messages."""

import logging
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

import httpx2

from ai import offline

log = logging.getLogger(__name__)

ANTHROPIC_DEFAULT_MAX_TOKENS = 4096
_CHOOSE_ANOTHER = "or choose another provider in Settings."


class ProviderError(Exception):
    """One clear message for the person: names the provider and what to do."""

    def __init__(self, provider_label: str, message: str):
        super().__init__(message)
        self.provider_label = provider_label
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # Background callbacks may carry the error to another process.
        return type(self), (self.provider_label, self.message)


class _RequestBodyRedactor(logging.Filter):
    """The anthropic SDK logs every request's JSON body (the person's resume and posting) at DEBUG; drop it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping) and "json_data" in record.args:
            record.args = {**record.args, "json_data": "<redacted>", "extra_json": "<redacted>"}
        return True


def _install_log_redaction() -> None:
    sdk_log = logging.getLogger("anthropic._base_client")  # the same object the SDK gets when it is imported
    if not any(isinstance(existing, _RequestBodyRedactor) for existing in sdk_log.filters):
        sdk_log.addFilter(_RequestBodyRedactor())


_install_log_redaction()


class Provider:
    """Who writes the documents: a name, a label for people and a model. The SDK providers also stream."""

    name: str = ""
    label: str = ""
    model: str = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model={self.model!r})"


class _SDKProvider(Provider):
    """What the two SDK-backed providers share: building the client lazily and turning failures into sentences.

    `stream()` yields text as it arrives and raises only ProviderError.
    """

    key_env = ""
    model_env = ""

    def __init__(self, api_key: str, model: str, base_url: str | None, timeout: float, max_retries: int):
        self.model = model
        self._api_key = api_key
        self._base_url = base_url or None
        self._timeout = timeout
        self._max_retries = max_retries
        self._client = None

    def _where(self) -> str:
        """The server's address without any credentials in it, for 'could not reach' messages."""
        if not self._base_url:
            return ""
        parts = urlsplit(self._base_url)
        return f" at {parts.hostname}{f':{parts.port}' if parts.port else ''}"

    def _fail(self, message: str, reason: str, status: int | None = None, error_type=None, request_id=None):
        # Status, error type and request id only: SDK error strings can quote the request or the answer.
        log.warning(
            "%s request failed: %s (status %s, type %s, request id %s)",
            self.name,
            reason,
            status,
            error_type,
            request_id,
        )
        return ProviderError(self.label, message)

    def _status_error(self, status: int, error_type: str | None, request_id: str | None) -> ProviderError:
        label = self.label
        if status == 401:
            text = f"{label} rejected the API key (401). Check {self.key_env}, {_CHOOSE_ANOTHER}"
        elif status == 403:
            text = (
                f"{label} refused access (403): this API key may not use the model '{self.model}'."
                f" Check the key's permissions and {self.model_env}, {_CHOOSE_ANOTHER}"
            )
        elif status == 404:
            text = (
                f"{label} does not know the model '{self.model}' (404). Set {self.model_env} to a model"
                f" this account can use{self._base_url_hint()}, {_CHOOSE_ANOTHER}"
            )
        elif status == 429 and error_type == "insufficient_quota":
            text = f"{label} says this account has no quota left (429). Check its billing, {_CHOOSE_ANOTHER}"
        elif status == 429:
            text = (
                f"{label} is limiting how often it may be asked (429). Wait a minute and try again, {_CHOOSE_ANOTHER}"
            )
        elif status == 529 or error_type == "overloaded_error":
            text = f"{label} is overloaded right now ({status}). Try again in a few minutes, {_CHOOSE_ANOTHER}"
        elif status >= 500:
            text = f"{label} had a server error ({status}). Try again in a few minutes, {_CHOOSE_ANOTHER}"
        else:
            text = (
                f"{label} rejected the request ({status}). Check that the model name '{self.model}' (from"
                f" {self.model_env}) is right and the documents are not unusually long, {_CHOOSE_ANOTHER}"
            )
        return self._fail(text, "status error", status, error_type, request_id)

    def _base_url_hint(self) -> str:
        return ""

    def _timeout_error(self) -> ProviderError:
        seconds = f"{self._timeout:g} second{'' if self._timeout == 1 else 's'}"
        text = f"{self.label} did not answer within {seconds}. Try again later, {_CHOOSE_ANOTHER}"
        return self._fail(text, "timeout")

    def _unreachable_error(self) -> ProviderError:
        text = (
            f"Could not reach {self.label}{self._where()}. Check the network connection"
            f"{self._base_url_hint()}, {_CHOOSE_ANOTHER}"
        )
        return self._fail(text, "connection failed")

    def _broken_error(self, reason: str) -> ProviderError:
        text = f"The connection to {self.label} broke while the answer was arriving. Try again, {_CHOOSE_ANOTHER}"
        return self._fail(text, reason)

    def _empty_error(self) -> ProviderError:
        text = f"{self.label} returned an empty answer. Try again, {_CHOOSE_ANOTHER}"
        return self._fail(text, "empty output")

    def _unexpected_error(self, exc: Exception) -> ProviderError:
        text = f"{self.label} failed unexpectedly ({type(exc).__name__}). Try again, {_CHOOSE_ANOTHER}"
        return self._fail(text, f"unexpected {type(exc).__name__}")


class AnthropicProvider(_SDKProvider):
    """Claude through the anthropic SDK's streaming Messages API."""

    name = "anthropic"
    key_env = "ANTHROPIC_API_KEY"
    model_env = "ANTHROPIC_MODEL"

    def __init__(
        self,
        api_key: str,
        model: str,
        base_url: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 2,
        max_tokens: int = ANTHROPIC_DEFAULT_MAX_TOKENS,
    ):
        super().__init__(api_key, model, base_url, timeout, max_retries)
        self.label = f"Claude ({model})"
        self.max_tokens = max_tokens

    def _sdk(self):
        if self._client is None:
            import anthropic  # imported on first use: it takes about a second, and offline runs never need it

            self._client = anthropic.Anthropic(
                api_key=self._api_key, base_url=self._base_url, timeout=self._timeout, max_retries=self._max_retries
            )
        return self._client

    def stream(self, system: str, messages: list[dict]) -> Iterator[str]:
        import anthropic

        client = self._sdk()
        try:
            events = client.messages.create(
                model=self.model,
                max_tokens=self.max_tokens,
                messages=messages,
                stream=True,
                **({"system": system} if system else {}),  # the API rejects an empty system prompt
            )
        except anthropic.APITimeoutError:
            raise self._timeout_error() from None
        except anthropic.APIConnectionError:
            raise self._unreachable_error() from None
        except anthropic.APIStatusError as exc:
            raise self._status_error(exc.status_code, exc.type, exc.request_id) from None
        except anthropic.AnthropicError as exc:
            raise self._unexpected_error(exc) from None

        produced_text = finished = False
        try:
            with events:
                for event in events:
                    if event.type == "content_block_delta" and event.delta.type == "text_delta":
                        if event.delta.text:
                            produced_text = produced_text or bool(event.delta.text.strip())
                            yield event.delta.text
                    elif event.type == "message_delta" and event.delta.stop_reason == "max_tokens":
                        log.warning("anthropic answer stopped at max_tokens=%s", self.max_tokens)
                    elif event.type == "message_stop":
                        finished = True
        except (anthropic.APITimeoutError, httpx2.TimeoutException):
            raise self._timeout_error() from None
        except anthropic.APIStatusError as exc:  # an `error` event inside a 200 stream
            if exc.type in ("overloaded_error", "rate_limit_error", "api_error"):
                status = {"overloaded_error": 529, "rate_limit_error": 429}.get(exc.type, 500)
                raise self._status_error(status, exc.type, exc.request_id) from None
            raise self._broken_error(f"error event {exc.type}") from None
        except (anthropic.APIConnectionError, httpx2.TransportError, httpx2.StreamError):
            # The SDK passes httpx2's own errors through when a stream is cut.
            raise self._broken_error("stream cut") from None
        except (anthropic.AnthropicError, ValueError) as exc:  # ValueError: an unreadable event (JSON, pydantic)
            raise self._broken_error(f"unreadable stream ({type(exc).__name__})") from None
        if not finished:
            raise self._broken_error("stream ended before message_stop")
        if not produced_text:
            raise self._empty_error()


class OpenAIProvider(_SDKProvider):
    """OpenAI, or any OpenAI-compatible server (Ollama, vLLM, LM Studio), through Chat Completions."""

    name = "openai"
    key_env = "OPENAI_API_KEY"
    model_env = "OPENAI_MODEL"

    def __init__(
        self, api_key: str, model: str, base_url: str | None = None, timeout: float = 60.0, max_retries: int = 2
    ):
        # Local servers need no key, but the SDK refuses to start without one.
        super().__init__(api_key or "not-needed", model, base_url, timeout, max_retries)
        self.label = f"OpenAI-compatible server ({model})" if self._base_url else f"OpenAI ({model})"

    def _base_url_hint(self) -> str:
        return " and OPENAI_BASE_URL" if self._base_url else ""

    def _sdk(self):
        if self._client is None:
            import openai

            self._client = openai.OpenAI(
                api_key=self._api_key, base_url=self._base_url, timeout=self._timeout, max_retries=self._max_retries
            )
        return self._client

    def stream(self, system: str, messages: list[dict]) -> Iterator[str]:
        import openai

        client = self._sdk()
        try:
            prompt = [{"role": "system", "content": system}] if system else []
            chunks = client.chat.completions.create(model=self.model, messages=[*prompt, *messages], stream=True)
        except openai.APITimeoutError:
            raise self._timeout_error() from None
        except openai.APIConnectionError:
            raise self._unreachable_error() from None
        except openai.APIStatusError as exc:
            error_type = "insufficient_quota" if "insufficient_quota" in (exc.code, exc.type) else exc.type
            raise self._status_error(exc.status_code, error_type, exc.request_id) from None
        except openai.OpenAIError as exc:
            raise self._unexpected_error(exc) from None

        produced_text = False
        try:
            with chunks:
                for chunk in chunks:
                    for choice in chunk.choices:  # no choices: a usage-only chunk
                        if choice.delta and choice.delta.content:
                            produced_text = produced_text or bool(choice.delta.content.strip())
                            yield choice.delta.content
        except (openai.APITimeoutError, httpx2.TimeoutException):
            raise self._timeout_error() from None
        except (openai.APIConnectionError, httpx2.TransportError, httpx2.StreamError):
            raise self._broken_error("stream cut") from None
        except openai.APIError as exc:  # an error object inside a 200 stream
            raise self._broken_error(f"error in stream ({exc.type})") from None
        except (openai.OpenAIError, ValueError) as exc:
            raise self._broken_error(f"unreadable stream ({type(exc).__name__})") from None
        if not produced_text:
            raise self._empty_error()


class OfflineProvider(Provider):
    """The deterministic offline drafter (ai.offline). The workflow calls it directly; it takes no prompts."""

    name = offline.PROVIDER
    label = "Offline drafter"
    model = offline.MODEL


def available_providers(config) -> dict[str, Provider]:
    """Configured providers in preference order: anthropic (if config.anthropic_api_key), openai (if
    config.openai_api_key or config.openai_base_url), then offline (always)."""
    providers: dict[str, Provider] = {}
    if config.anthropic_api_key:
        providers["anthropic"] = AnthropicProvider(
            config.anthropic_api_key, config.anthropic_model, base_url=config.anthropic_base_url or None
        )
    if config.openai_api_key or config.openai_base_url:
        providers["openai"] = OpenAIProvider(
            config.openai_api_key, config.openai_model, base_url=config.openai_base_url or None
        )
    providers["offline"] = OfflineProvider()
    return providers


def default_provider_name(config) -> str:
    """The first configured provider, else "offline"."""
    return next(iter(available_providers(config)))


def get_provider(config, name: str | None) -> Provider:
    """The named provider if it is configured, else the default one."""
    providers = available_providers(config)
    return providers.get(name or "") or next(iter(providers.values()))
