"""Pacing: at most N messages per period to one recipient domain or address, across all workers.

Each configured rule ("parl.gc.ca": "60/m") spaces messages evenly (60/m = one a second). A
message asks for a slot; Redis answers with the wait until its slot and reserves that slot
atomically, so two workers never get the same one and a long queue drains at exactly the
configured rate. The caller re-schedules a message that must wait; nothing is dropped.
"""

import re
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")

# Earliest time every key is free, then one interval reserved on each key. Returns the wait.
_RESERVE = """
local now = tonumber(ARGV[1])
local slot = now
for i, key in ipairs(KEYS) do
  local free_at = tonumber(redis.call('GET', key) or '0')
  if free_at > slot then slot = free_at end
end
for i, key in ipairs(KEYS) do
  local next_free = slot + tonumber(ARGV[i + 1])
  redis.call('SET', key, next_free, 'PX', math.floor(next_free - now) + 60000)
end
return slot - now
"""


@dataclass(frozen=True)
class Rule:
    key: str
    interval_ms: int


def parse_rate(rate: str) -> int:
    """ "60/m" -> milliseconds between two messages. Accepts s, m, h, d and "10/5m"."""
    match = _RATE.match(rate)
    if not match or int(match.group(1)) == 0:
        raise ImproperlyConfigured(
            f"OUTBOX_RATE_LIMITS: {rate!r} is not a rate such as '60/m' or '500/h'."
        )
    count, multiplier, unit = int(match.group(1)), int(match.group(2) or 1), match.group(3)
    return max(1, round(multiplier * _PERIODS[unit] * 1000 / count))


def rules_for(address: str) -> list[Rule]:
    """The rules that apply to `address`: its exact address, its domain and parent domains."""
    address = address.lower()
    domain = address.rsplit("@", 1)[-1]
    candidates = [address, domain]
    parts = domain.split(".")
    candidates += [".".join(parts[i:]) for i in range(1, len(parts) - 1)]
    limits = {key.lower(): value for key, value in settings.OUTBOX_RATE_LIMITS.items()}
    return [
        Rule(key=f"outbox:pace:{candidate}", interval_ms=parse_rate(limits[candidate]))
        for candidate in candidates
        if candidate in limits
    ]


def sends_without_waiting(address: str, *, slot_reserved: bool) -> bool:
    """Whether a message to `address` is sure to need no wait: it holds its slot already, or no
    rule applies to it. Reserves nothing and asks Redis nothing."""
    return slot_reserved or not rules_for(address)


class _LocalSlots:
    """Without Redis (local development) pacing holds within this one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._free_at: dict[str, float] = {}

    def reserve(self, rules: list[Rule], now_ms: float) -> float:
        with self._lock:
            slot = max([now_ms, *(self._free_at.get(rule.key, 0) for rule in rules)])
            for rule in rules:
                self._free_at[rule.key] = slot + rule.interval_ms
            return slot - now_ms


_local = _LocalSlots()
_redis_script = None
_redis_lock = threading.Lock()


def _script():
    global _redis_script
    with _redis_lock:
        if _redis_script is None:
            import redis

            client = redis.Redis.from_url(
                settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=2
            )
            _redis_script = client.register_script(_RESERVE)
        return _redis_script


def reserve_slot(address: str) -> float:
    """Reserve the next free slot for a message to `address`; return seconds to wait for it.

    0 means send now. Raises redis.RedisError when Redis is unreachable: the caller then holds
    the message back (pacing never silently turns off).
    """
    rules = rules_for(address)
    if not rules:
        return 0.0
    now_ms = time.time() * 1000
    if settings.REDIS_URL:
        wait_ms = _script()(
            keys=[rule.key for rule in rules],
            args=[int(now_ms)] + [rule.interval_ms for rule in rules],
        )
    else:
        wait_ms = _local.reserve(rules, now_ms)
    return max(0.0, float(wait_ms) / 1000)
