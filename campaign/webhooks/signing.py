"""The `X-Chorus-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.

The same scheme as Stripe's: the timestamp is signed with the body, so a receiver that checks
the signature and refuses old timestamps (`verify(..., tolerance=300)`) refuses a replayed
request. `verify` is what the README gives receivers; the tests use it to check what was sent.
"""

import hashlib
import hmac
import time

HEADER = "X-Chorus-Signature"
DEFAULT_TOLERANCE_SECONDS = 300


class SignatureError(ValueError):
    """The header is missing, malformed, does not match the body, or is too old."""


def signature_header(*, secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value signing `body` with `secret` at `timestamp` (now by default)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(
    *,
    secret: str,
    body: bytes,
    header: str,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> int:
    """Check `header` against `body`; return its timestamp. Raises SignatureError.

    Any of several `v1=` values may match (a receiver rotating secrets gets one per secret).
    """
    parts = [part.split("=", 1) for part in header.split(",") if "=" in part]
    timestamps = [value for key, value in parts if key.strip() == "t"]
    signatures = [value.strip() for key, value in parts if key.strip() == "v1"]
    if len(timestamps) != 1 or not timestamps[0].strip().isdigit() or not signatures:
        raise SignatureError("malformed signature header")
    timestamp = int(timestamps[0])
    expected = _digest(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("signature does not match")
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        raise SignatureError("timestamp outside the tolerance (a replay?)")
    return timestamp


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
