"""Password hashing with bcrypt."""

import bcrypt

from validators import MAX_PASSWORD_LENGTH as MAX_PASSWORD_BYTES

BCRYPT_COST = 12
# Checked against when an email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = bcrypt.hashpw(b"not a real password", bcrypt.gensalt(BCRYPT_COST))


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(BCRYPT_COST)).decode()


def check_password(password: str, password_hash: str | None) -> bool:
    # A lone surrogate (a callback's JSON can carry one) stays as bytes no stored password has: never a match.
    encoded = password.encode(errors="surrogatepass")
    # bcrypt refuses more than 72 bytes; no stored password can be that long (sign-up caps it).
    if password_hash is None or len(encoded) > MAX_PASSWORD_BYTES:
        bcrypt.checkpw(encoded[:MAX_PASSWORD_BYTES], _DUMMY_HASH)
        return False
    return bcrypt.checkpw(encoded, password_hash.encode())
