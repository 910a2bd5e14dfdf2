"""Bearer tokens: random, shown once, stored and compared only as SHA-256 hashes.

A terminal token is 32 random bytes (URL-safe base64). Looking a terminal up by the
hash of the presented token leaks nothing useful through timing: an attacker would
have to choose tokens by their hash prefix. The admin token is compared with
``hmac.compare_digest``. The provisioning issue's enrolment flow can mint tokens through
``new_token``/``hash_token`` and revoke them with ``terminals.revoked_at``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_token() -> str:
    """A fresh bearer token (32 random bytes, URL-safe base64, 43 characters)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """The hex SHA-256 of a token: what the database stores."""
    return hashlib.sha256(token.encode()).hexdigest()


class AdminTokenCheck:
    """Holds only the hash of the admin token; ``None`` disables the admin API."""

    def __init__(self, token: str | None) -> None:
        self._hash = hash_token(token) if token else None

    @property
    def enabled(self) -> bool:
        return self._hash is not None

    def matches(self, presented: str) -> bool:
        if self._hash is None:
            return False
        return hmac.compare_digest(self._hash, hash_token(presented))
