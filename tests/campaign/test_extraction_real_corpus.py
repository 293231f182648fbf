"""The real corpus (extraction_real/README.md) is whole: each text has its label and its line in
SOURCES.md, and each label follows the README's schema. Holds for whatever the corpus holds,
an empty one included; `make extraction-report` gives the figures."""

import re
from pathlib import Path

from campaign.extraction.scoring import CorpusError, read_label

REAL = Path(__file__).resolve().parent / "extraction_real"


def _stems(folder: str, suffix: str) -> set[str]:
    return {
        path.stem
        for path in (REAL / folder).iterdir()
        if path.suffix == suffix and not path.name.startswith(".")
    }


def test_it_has_a_label_for_every_text():
    unlabelled = sorted(_stems("texts", ".txt") - _stems("labels", ".json"))

    assert not unlabelled, f"texts without labels/<id>.json: {unlabelled}"


def test_it_has_a_text_for_every_label():
    textless = sorted(_stems("labels", ".json") - _stems("texts", ".txt"))

    assert not textless, f"labels without texts/<id>.txt: {textless}"


def test_it_has_a_sources_line_for_every_text():
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    unsourced = [
        stem
        for stem in sorted(_stems("texts", ".txt"))
        if not re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", sources)
    ]

    assert not unsourced, f"texts without a line in SOURCES.md: {unsourced}"


def test_it_has_only_labels_that_follow_the_schema():
    problems = []
    for path in sorted((REAL / "labels").glob("*.json")):
        try:
            read_label(path)
        except CorpusError as error:
            problems += error.problems

    assert not problems, "\n".join(problems)


def test_it_has_only_texts_in_utf8_with_something_in_them():
    problems = []
    for path in sorted((REAL / "texts").glob("*.txt")):
        try:
            if not path.read_text(encoding="utf-8").strip():
                problems.append(f"{path}: empty")
        except UnicodeDecodeError as error:
            problems.append(f"{path}: not UTF-8 ({error})")

    assert not problems, "\n".join(problems)
