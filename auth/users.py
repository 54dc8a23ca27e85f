"""The signed-in person as flask-login sees them."""

import uuid
from dataclasses import dataclass

from flask_login import UserMixin

from db import users as user_queries
from db.connection import begin_for_user


@dataclass(frozen=True)
class User(UserMixin):
    id: uuid.UUID
    email: str
    first_name: str
    last_name: str
    session_epoch: int

    def get_id(self) -> str:
        # The epoch travels in the session: logging out moves it on, and old sessions stop loading.
        return f"{self.id}:{self.session_epoch}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def load_user(session_id: str) -> User | None:
    """Load the session's user, if their session is still valid; None logs them out."""
    user_id, _, epoch = session_id.partition(":")
    try:
        uid, session_epoch = uuid.UUID(user_id), int(epoch)
    except ValueError:
        return None
    # The request's first transaction starts here; its first user_tx for this person continues it.
    row = begin_for_user(user_queries.SESSION_USER, (uid, session_epoch))
    if row is None:
        return None
    return User(row["id"], row["email"], row["first_name"], row["last_name"], row["session_epoch"])
