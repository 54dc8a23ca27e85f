"""Settings for Job Forge, read once from the environment."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent


def _secret_key_from(data_dir: Path) -> str:
    """Read the stored secret key, creating it on first run so sessions survive restarts."""
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


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
    anthropic_api_key: str = ""
    anthropic_model: str = "claude-sonnet-4-5"
    openai_api_key: str = ""
    openai_base_url: str = ""
    openai_model: str = "gpt-4.1-mini"
    openai_embedding_model: str = "text-embedding-3-small"
    pool_min_size: int = 1
    pool_max_size: int = 10

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
        return cls(
            data_dir=data_dir,
            secret_key=env.get("SECRET_KEY") or _secret_key_from(data_dir),
            database_url=database_url,
            migration_database_url=env.get("MIGRATION_DATABASE_URL") or database_url,
            host=env.get("HOST", "127.0.0.1"),
            port=int(env.get("PORT", "8050")),
            trust_proxy=env.get("TRUST_PROXY", "") == "1",
            anthropic_api_key=env.get("ANTHROPIC_API_KEY", ""),
            anthropic_model=env.get("ANTHROPIC_MODEL", cls.anthropic_model),
            openai_api_key=env.get("OPENAI_API_KEY", ""),
            openai_base_url=env.get("OPENAI_BASE_URL", ""),
            openai_model=env.get("OPENAI_MODEL", cls.openai_model),
            openai_embedding_model=env.get("OPENAI_EMBEDDING_MODEL", cls.openai_embedding_model),
            pool_min_size=int(env.get("DB_POOL_MIN_SIZE", "1")),
            pool_max_size=int(env.get("DB_POOL_MAX_SIZE", "10")),
        )
