"""The retry rule shared by the outbox and the webhooks: exponential, capped, with equal jitter.

Each caller passes its own base and cap (OUTBOX_RETRY_*, WEBHOOKS_RETRY_*): the rule is one.
"""

import random


def ceiling(failures: int, *, base: float, cap: float) -> float:
    """The longest wait after `failures` failures in a row: base, 2x, 4x… up to `cap`."""
    return min(cap, base * 2 ** max(0, failures - 1))


def backoff(attempt: int, *, base: float, cap: float) -> float:
    """Seconds before attempt `attempt + 1`: between half the ceiling and the ceiling.

    The jitter spreads the retries of a burst that failed together (a server that said "try
    later" to a thousand messages should not get them back in the same second).
    """
    most = ceiling(attempt, base=base, cap=cap)
    return most / 2 + random.uniform(0, most / 2)  # noqa: S311 - not cryptographic
