"""What a stranger can measure from outside: the queries a request runs, its answer, its time.

Shared by the petitions and letters tests that check signing and writing answer a known
address exactly as they answer a new one (issue "7/10 Hardening", item 3).
"""

import re
import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

_STRING = re.compile(r"'(?:[^']|'')*'")
_NUMBER = re.compile(r"(?<![\w\"])-?\d+(?:\.\d+)?(?![\w\"])")
_TOKEN = re.compile(r"\b[0-9a-f]{32}\b")
_SAVEPOINT = re.compile(r'"s\d+_x\d+"')


def query_shapes(queries) -> list[str]:
    """Each query's SQL with its values taken out: what it does, not what it was given."""
    shapes = []
    for query in queries:
        sql = _SAVEPOINT.sub('"savepoint"', _STRING.sub("?", query["sql"]))
        shapes.append(_NUMBER.sub("?", _TOKEN.sub("?", sql)))
    return shapes


def answered(client, url: str, data: dict):
    """(response, the shapes of its queries) for one POST."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    return response, query_shapes(queries.captured_queries)


# Headers that carry the clock (never_cache's Expires is "now"): equal within a second.
_CLOCK_HEADERS = {"Date", "Expires"}


def visible(response) -> tuple:
    """What a client sees of a response: status, every header but the clock's, body."""
    headers = sorted((k, v) for k, v in response.headers.items() if k not in _CLOCK_HEADERS)
    return response.status_code, headers, response.content


@dataclass(frozen=True)
class Timings:
    new_ms: list[float]
    known_ms: list[float]

    @property
    def new_median(self) -> float:
        return statistics.median(self.new_ms)

    @property
    def known_median(self) -> float:
        return statistics.median(self.known_ms)

    @property
    def median_gap(self) -> float:
        """|known - new| / new, of the medians."""
        return abs(self.known_median - self.new_median) / self.new_median

    @property
    def guessed_right(self) -> float:
        """How often one request's time says which kind it was, guessing "known" above the
        pooled median when known ones are slower on the whole (and the other way round)."""
        pooled = statistics.median(self.new_ms + self.known_ms)
        slower_known = self.known_median >= self.new_median
        right = sum((t > pooled) == slower_known for t in self.known_ms)
        right += sum((t <= pooled) == slower_known for t in self.new_ms)
        return right / (len(self.new_ms) + len(self.known_ms))

    def __str__(self) -> str:
        return (
            f"new median {self.new_median:.2f} ms, known median {self.known_median:.2f} ms, "
            f"gap {self.median_gap:.1%}, one request guessed right {self.guessed_right:.0%}"
        )


def interleaved_timings(post_new, post_known, *, pairs: int) -> Timings:
    """Time `pairs` requests of each kind, in pairs whose order alternates, so a slow spell of
    the machine falls on both kinds alike. `post_new(i)` and `post_known(i)` send one request."""
    new_ms, known_ms = [], []
    for i in range(pairs):
        order = ((post_new, new_ms), (post_known, known_ms))
        for post, times in order if i % 2 else order[::-1]:
            started = time.perf_counter()
            post(i)
            times.append((time.perf_counter() - started) * 1000)
    return Timings(new_ms, known_ms)


def timings_agree(measure, *, tolerance: float = 0.10, attempts: int = 3) -> tuple[bool, list]:
    """Measure up to `attempts` times; True once one run's medians are within `tolerance`.

    A busy machine (two shared cores) can slow one run unevenly; a leak shows in every run.
    """
    runs = []
    for _ in range(attempts):
        timings = measure()
        runs.append(timings)
        if timings.median_gap <= tolerance:
            return True, runs
    return False, runs
