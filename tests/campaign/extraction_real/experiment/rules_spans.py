"""Dump the rules' actions (kind, confidence, evidence span) for some batches, as JSON.

Run with the project's own interpreter (no model needed), from a checkout of any commit:
    python rules_spans.py CODE_DIR BATCH [BATCH ...] > spans.json
CODE_DIR holds the `campaign` package to measure (e.g. `git archive <commit> campaign`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent


def main() -> None:
    code_dir, batches = sys.argv[1], {int(b) for b in sys.argv[2:]}
    sys.path.insert(0, code_dir)
    from campaign.extraction.pipeline import extract_document

    out = {}
    for label_path in sorted((CORPUS / "labels").glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        if label["batch"] not in batches:
            continue
        text = (CORPUS / "texts" / f"{label['id']}.txt").read_text(encoding="utf-8")
        out[label["id"]] = [
            [a.kind, a.confidence, a.evidence.start, a.evidence.end]
            for a in extract_document(text).actions
        ]
    json.dump(out, sys.stdout, indent=0)


if __name__ == "__main__":
    main()
