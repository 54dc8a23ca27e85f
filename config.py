"""Settings for Job Forge, read once from the environment."""

import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent

# Files people upload (resumes, CSV imports) are refused above this size.
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
# A request body may hold one such file as base64 (4/3 of its size) inside a callback's JSON.
MAX_REQUEST_BYTES = UPLOAD_MAX_BYTES * 4 // 3 + 512 * 1024


def _secret_key_from(data_dir: Path) -> str:
    """Read the stored secret key, creating it on first run so sessions survive restarts."""
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        # Written aside and linked into place: two processes starting at once agree on one key.
        fd, temporary = tempfile.mkstemp(dir=data_dir)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
        try:
            os.link(temporary, key_file)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    key = key_file.read_text().strip()
    if not key:
        raise RuntimeError(f"{key_file} is empty: delete it and start again")
    return key


LOG_FORMATS = ("text", "json")


def log_format_from_env(environ=None) -> str:
    """LOG_FORMAT: "text" (the default) or "json" (one JSON object a line); read by gunicorn.conf.py too."""
    value = (os.environ if environ is None else environ).get("LOG_FORMAT", "") or "text"
    if value not in LOG_FORMATS:
        raise RuntimeError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {value!r}")
    return value


@dataclass(frozen=True)
class Config:
    """Everything configurable; `Config.from_env()` is the only place that reads os.environ."""

    data_dir: Path
    secret_key: str
    # Application login role (NOSUPERUSER NOBYPASSRLS). Empty: embedded PostgreSQL.
    database_url: str = ""
    # Schema owner, used only to run migrations. Empty: same as database_url.
    migration_database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8050
    trust_proxy: bool = False
    secure_cookies: bool = False  # always mark cookies Secure, for TLS ended before a proxy that is not trusted
    anthropic_api_key: str = ""
    anthropic_model: str = "claude-sonnet-4-5"
    anthropic_base_url: str = ""
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4.1-mini"
    openai_embedding_model: str = "text-embedding-3-small"
    pool_min_size: int = 1
    pool_max_size: int = 10
    # Seconds between the offline drafter's streamed pieces: the pace at which people can read along.
    offline_pace: float = 0.02
    # Background callbacks run on Celery workers through Redis when set; else in local processes.
    # Rate-limit counters are shared through it too.
    redis_url: str = ""
    # Sign-in attempts allowed per client address; failed sign-ins allowed per email from one address,
    # and from all the addresses that failed for it (flask-limiter syntax).
    login_limit_per_address: str = "30 per minute"
    login_limit_per_email: str = "10 per 15 minutes"
    signup_limit_per_address: str = "20 per hour"
    # Hosts ("name" or "name:port") a posting may be imported from even at a loopback or private
    # address: for tests' local servers only. Every other host must resolve to public addresses.
    fetch_allow_hosts: tuple[str, ...] = ()
    log_format: str = "text"

    @property
    def embedded_database(self) -> bool:
        return not self.database_url

    @property
    def pgdata_dir(self) -> Path:
        return self.data_dir / "pgdata"

    def __repr__(self) -> str:
        # Keys and passwords in URLs must never reach a log line through a repr.
        return f"Config(data_dir={str(self.data_dir)!r}, host={self.host!r}, port={self.port})"

    @classmethod
    def from_env(cls, environ=None) -> "Config":
        env = os.environ if environ is None else environ
        data_dir = Path(env.get("JOBFORGE_DATA_DIR") or PROJECT_ROOT / ".jobforge").resolve()
        database_url = env.get("DATABASE_URL", "")
        secret_key = env.get("SECRET_KEY", "")
        if not secret_key and database_url:
            # Every worker and replica must sign sessions with the same key: it cannot be made up here.
            raise RuntimeError("SECRET_KEY must be set when DATABASE_URL is (see docs/deploy.md)")
        return cls(
            data_dir=data_dir,
            secret_key=secret_key or _secret_key_from(data_dir),
            secure_cookies=env.get("SECURE_COOKIES", "") == "1",
            database_url=database_url,
            migration_database_url=env.get("MIGRATION_DATABASE_URL") or database_url,
            host=env.get("HOST", "127.0.0.1"),
            port=int(env.get("PORT", "8050")),
            trust_proxy=env.get("TRUST_PROXY", "") == "1",
            anthropic_api_key=env.get("ANTHROPIC_API_KEY", ""),
            anthropic_model=env.get("ANTHROPIC_MODEL", cls.anthropic_model),
            anthropic_base_url=env.get("ANTHROPIC_BASE_URL", ""),
            openai_api_key=env.get("OPENAI_API_KEY", ""),
            openai_base_url=env.get("OPENAI_BASE_URL", ""),
            openai_model=env.get("OPENAI_MODEL", cls.openai_model),
            openai_embedding_model=env.get("OPENAI_EMBEDDING_MODEL", cls.openai_embedding_model),
            pool_min_size=int(env.get("DB_POOL_MIN_SIZE", "1")),
            pool_max_size=int(env.get("DB_POOL_MAX_SIZE", "10")),
            offline_pace=float(env.get("OFFLINE_PACE", "0.02")),
            redis_url=env.get("REDIS_URL", ""),
            login_limit_per_address=env.get("LOGIN_LIMIT_PER_ADDRESS", cls.login_limit_per_address),
            login_limit_per_email=env.get("LOGIN_LIMIT_PER_EMAIL", cls.login_limit_per_email),
            signup_limit_per_address=env.get("SIGNUP_LIMIT_PER_ADDRESS", cls.signup_limit_per_address),
            log_format=log_format_from_env(env),
            fetch_allow_hosts=tuple(
                host.strip().lower() for host in env.get("FETCH_ALLOW_HOSTS", "").split(",") if host.strip()
            ),
        )


_active: Config | None = None


def activate(config: Config) -> None:
    """Make `config` the one the running app uses, also in background jobs forked from it."""
    global _active
    _active = config


def active() -> Config:
    if _active is None:
        raise RuntimeError("no active configuration; the app factory calls config.activate()")
    return _active
