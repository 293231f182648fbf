"""Measure the extractor on a labelled corpus: recall and precision, per language, kind and
batch; drafts from texts labelled with none; unexpected addresses; speed.

The corpus and its matching rule: tests/campaign/extraction_real/README.md. The scoring itself
is plain Python (campaign/extraction/scoring.py); this command only prints it, and never opens
the database.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from campaign.extraction import LOW_CONFIDENCE
from campaign.extraction.scoring import (
    KINDS,
    LANGUAGES,
    CorpusError,
    CorpusScore,
    ExtractionCrashed,
    Figures,
    load_corpus,
    score_corpus,
    text_head,
)

REAL_CORPUS = Path("tests") / "campaign" / "extraction_real"
_ROW = "{:<9} {:<18} {:>9} {:>10} {:>8} {:>7} {:>10}"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _shown(path: Path) -> str:
    """The path relative to the working folder when it is under it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Command(BaseCommand):
    help = (
        "Measure the extractor on a labelled corpus (default: the real corpus, "
        f"{REAL_CORPUS}): recall and precision per language, kind and batch."
    )
    # Nothing here needs the database or what the system checks look at.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            metavar="DIR",
            help=f"folder with texts/ and labels/ (default: {REAL_CORPUS})",
        )
        parser.add_argument("--batch", type=int, metavar="N", help="only the texts of batch N")
        parser.add_argument("--json", action="store_true", help="print everything as JSON")
        parser.add_argument(
            "--verbose",
            action="store_true",
            help="list, per text, each missed label and each unmatched extraction",
        )

    def handle(self, *args, **options):
        folder = options["corpus"] or Path(settings.BASE_DIR) / REAL_CORPUS
        try:
            corpus = load_corpus(folder)
        except CorpusError as error:
            raise CommandError("\n".join(error.problems)) from None
        batch = options["batch"]
        if batch is not None:
            if batch not in corpus.batches:
                known = ", ".join(map(str, corpus.batches)) or "none"
                raise CommandError(
                    f"--batch {batch}: no label in {folder} has it (batches: {known})"
                )
            corpus = corpus.only_batch(batch)
        try:
            score = score_corpus(corpus)
        except ExtractionCrashed as error:
            raise CommandError(str(error)) from None

        if options["json"]:
            self.stdout.write(json.dumps(score.to_dict(), indent=2, ensure_ascii=False))
            return
        for line in self._report(score, folder, batch):
            self.stdout.write(line)
        if options["verbose"]:
            for line in self._per_text(score):
                self.stdout.write(line)

    @staticmethod
    def _row(first: str, second: str, figures: Figures) -> str:
        return _ROW.format(
            first,
            second,
            figures.labelled,
            figures.extracted,
            figures.matched,
            _percent(figures.recall),
            _percent(figures.precision),
        )

    def _report(self, score: CorpusScore, folder: Path, batch: int | None) -> list[str]:
        only = f", batch {batch} only" if batch is not None else ""
        batches = ", ".join(map(str, score.batches)) or "none"
        lines = [
            f"Extraction measured on {_shown(folder)}{only}: {len(score.texts)} texts "
            f"(batches: {batches}), {score.figures().labelled} labelled actions",
            f"An extracted action counts at or above confidence {LOW_CONFIDENCE}; "
            "matched as in the corpus README.",
            "",
            _ROW.format(
                "language", "kind", "labelled", "extracted", "matched", "recall", "precision"
            ),
        ]
        for language in (*LANGUAGES, None):
            shown = language or "all"
            lines.append(self._row(shown, "all", score.figures(language)))
            lines += [self._row(shown, kind, score.figures(language, kind)) for kind in KINDS]
        lines += [
            "",
            _ROW.format("batch", "", "labelled", "extracted", "matched", "recall", "precision"),
        ]
        lines += [self._row(str(b), "", score.figures(batch=b)) for b in score.batches]

        drafted = score.texts_with_unlabelled_actions
        addresses = score.unexpected_addresses
        placeholders = sum(1 for a in addresses if a.placeholder)
        per_second = score.documents_per_second
        speed = "—" if per_second is None else f"{per_second:.1f}"
        lines += [
            "",
            f"Texts labelled with no action that got actions at or above {LOW_CONFIDENCE}: "
            f"{len(drafted)} of {score.texts_labelled_without_actions}"
            + (f" ({', '.join(drafted)})" if drafted else ""),
            f"Unexpected addresses (targets' emails the labels do not give): {len(addresses)}, "
            f"{placeholders} of them placeholders",
            f"Speed: {len(score.texts)} documents in {score.seconds:.3f} s, {speed} documents/s "
            "(extract_document only)",
        ]
        return lines

    @staticmethod
    def _per_text(score: CorpusScore) -> list[str]:
        lines = ["", "Per text (those with a missed label, an unmatched extraction or an address):"]
        for text in score.texts:
            missed, unmatched = text.missed, text.unmatched
            addresses = text.unexpected_addresses
            if not (missed or unmatched or addresses):
                continue
            figures = text.figures()
            lines.append(
                f"{text.id} (batch {text.batch}): {figures.labelled} labelled, "
                f"{figures.extracted} extracted, {figures.matched} matched"
            )
            for action, why in missed:
                keywords = ", ".join(action.demand_keywords)
                lines.append(f"  missed     {action.kind} [{keywords}]: {why}")
            for action in unmatched:
                head = text_head(action.text)
                lines.append(f"  unmatched  {action.kind} {action.confidence:.2f} {head!r}")
            for address in addresses:
                reason = "placeholder" if address.placeholder else "not labelled"
                lines.append(f"  address    {address.email} ({reason}, in a {address.kind})")
        if len(lines) == 2:
            lines.append("none")
        return lines
