"""Reading source documents from disk: which files, and whether their text can be used."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

DOCUMENT_SUFFIXES = {".txt", ".text", ".md"}
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024


class UnreadableDocument(Exception):
    """A file that cannot become a SourceDocument; the message says why, in one line."""


@dataclass(frozen=True)
class DocumentFile:
    path: Path
    text: str

    @property
    def name(self) -> str:
        return self.path.name


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, plus the text files inside named folders, in name order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(p for p in path.iterdir() if p.is_file() and p.suffix in DOCUMENT_SUFFIXES)
            )
        else:
            found.append(path)
    return found


def read_document(path: Path) -> DocumentFile:
    """Read one document as UTF-8 text, refusing what would import as garbage."""
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            raise UnreadableDocument(_("larger than 2 MB"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableDocument(_("no such file")) from None
    except OSError as error:
        raise UnreadableDocument(error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument(_("not UTF-8 text")) from None
    if "\x00" in text:
        raise UnreadableDocument(_("binary content (NUL bytes)"))
    if not text.strip():
        raise UnreadableDocument(_("empty"))
    return DocumentFile(path=path, text=text)
