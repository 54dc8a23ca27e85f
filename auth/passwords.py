"""Password hashing with bcrypt."""

import bcrypt

BCRYPT_COST = 12
# Checked against when an email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = bcrypt.hashpw(b"not a real password", bcrypt.gensalt(BCRYPT_COST))


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(BCRYPT_COST)).decode()


def check_password(password: str, password_hash: str | None) -> bool:
    if password_hash is None:
        bcrypt.checkpw(password.encode(), _DUMMY_HASH)
        return False
    return bcrypt.checkpw(password.encode(), password_hash.encode())
