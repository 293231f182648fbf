"""Reading source documents (from disk or an upload): which files, and whether their text can
be used. An HTML page is imported as its text, laid out in paragraphs, so the evidence quoted
from it reads as the page does; a PDF as the text of its pages (campaign.pdf_text). Anything
else binary (an image, an archive, a word processor's file renamed .txt) is refused by what
its bytes are, whatever its name says."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.pdf_text import UnreadablePdf, is_pdf, pdf_text

HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", *HTML_SUFFIXES, *PDF_SUFFIXES}
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024

# How common binary files start, for a message that names what the file really is.
_BINARY_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", gettext_lazy("a PNG image")),
    (b"\xff\xd8\xff", gettext_lazy("a JPEG image")),
    (b"GIF87a", gettext_lazy("a GIF image")),
    (b"GIF89a", gettext_lazy("a GIF image")),
    (b"PK\x03\x04", gettext_lazy("a zip archive (a .docx or .odt file is one)")),
    (b"\x1f\x8b", gettext_lazy("a gzip archive")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", gettext_lazy("an old Word or Excel file")),
    (b"{\\rtf", gettext_lazy("an RTF file")),
]
# Characters no text document holds (C0 controls other than tab, line ends and form feed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
    return DocumentFile(path=path, text=document_text(raw, name=path.name))


def document_text(raw: bytes, *, name: str) -> str:
    """A file's content as the text to import, or UnreadableDocument saying why not.

    A PDF is read as a PDF (its bytes say so), an HTML page as its text (its suffix says so),
    anything else as UTF-8 text; a binary file of another kind is refused, named if known.
    """
    suffix = Path(name).suffix.lower()
    if is_pdf(raw, named_pdf=suffix in PDF_SUFFIXES):
        try:
            return pdf_text(raw)
        except UnreadablePdf as problem:
            raise UnreadableDocument(str(problem)) from None
    if suffix in PDF_SUFFIXES:
        raise UnreadableDocument(_("not a PDF, although its name ends in .pdf"))
    for signature, kind in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise UnreadableDocument(_("binary content: %(kind)s, not a text") % {"kind": kind})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableDocument(_("not UTF-8 text")) from None
    if "\x00" in text:
        raise UnreadableDocument(_("binary content (NUL bytes)"))
    if _CONTROL.search(text):
        raise UnreadableDocument(_("binary content (control characters)"))
    if suffix in HTML_SUFFIXES:
        text = html_text(text)
    if not text.strip():
        raise UnreadableDocument(_("empty"))
    return text


# Elements that end a paragraph; what is inside the skipped ones is never read as text.
# fmt: off
_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav",
    "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}
# fmt: on
_SKIPPED = {"head", "title", "script", "style", "template", "noscript", "svg", "iframe", "object"}


class _PageText(HTMLParser):
    """The visible text of a page: a blank line between blocks, one line per list item (with
    a bullet, as the extraction reads lists) and per <br>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _end_block(self) -> None:
        lines = ("".join(self.current)).split("\n")
        text = "\n".join(re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in lines)
        text = re.sub(r"\n{2,}", "\n", text).strip("\n")
        if text.strip():
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == "li":
            self.current.append("\n\u2022 ")
        elif tag == "br":
            self.current.append("\n")
        elif tag in _BLOCKS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping and tag in _BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data.replace("\n", " "))

    def text(self) -> str:
        self._end_block()
        return "\n\n".join(self.blocks) + "\n" if self.blocks else ""


def html_text(html: str) -> str:
    """The text a reader sees in an HTML page, in paragraphs (scripts, styles and the head
    left out), for the extraction to read like any text document."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    return parser.text()
