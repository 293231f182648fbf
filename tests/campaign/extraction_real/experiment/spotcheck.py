"""Print the weak gold units of 20 labelled actions drawn at random (seed 12), to read by eye.

Run: /tmp/modelvenv/bin/python spotcheck.py
"""

from __future__ import annotations

import random

from common import load_corpus


def main() -> None:
    docs = load_corpus()
    pairs = [(doc, i) for doc in docs for i in range(len(doc.actions))]
    for doc, i in random.Random(12).sample(pairs, 20):
        action = doc.actions[i]
        print(f"== {doc.id} {action['kind']} tier {doc.tiers[i]} {action.get('demand_keywords')}")
        for u in sorted(doc.gold[i]):
            print(f"   [{doc.units[u].start}:{doc.units[u].end}] {doc.units[u].text[:150]!r}")


if __name__ == "__main__":
    main()
