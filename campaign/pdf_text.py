"""The text of a PDF, read offline with pypdf (pure Python), for the extraction to read.

The text returned is what gets stored as the SourceDocument's text: evidence spans are offsets
into it, so it is cleaned here once (line ends, trailing spaces, control characters) and never
again after.
"""

import io
import logging
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from pypdf import PdfReader
from pypdf.errors import DependencyError

PDF_MAGIC = b"%PDF-"

# Everything below a space except tab and line feed, and DEL: never text a reader sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


_PROTECTED = _lazy("the PDF is protected by a password; save a copy without one")


class UnreadablePdf(Exception):
    """A PDF that gives no text to import; the message says why, in words an organiser reads."""


def is_pdf(raw: bytes, *, named_pdf: bool = False) -> bool:
    """Whether the bytes are a PDF, whatever the file is called.

    Readers accept a header anywhere in the first 1024 bytes; that is trusted only for a file
    named .pdf, so a text that mentions "%PDF-" near its start is still read as text.
    """
    if named_pdf:
        return PDF_MAGIC in raw[:1024]
    return raw.lstrip()[: len(PDF_MAGIC)] == PDF_MAGIC


def pdf_text(raw: bytes) -> str:
    """The text of every page, pages apart by a blank line, or UnreadablePdf saying why not.

    Refused: a PDF that needs a password to open, one with no text (scanned pages are images,
    and Chorus does not read images), and one pypdf cannot parse.
    """
    # pypdf logs every repair it makes to a damaged file; the organiser gets one message instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        # A PDF with only an owner password (no printing, say) opens with an empty one.
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePdf(_PROTECTED)
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadablePdf:
        raise
    except DependencyError:  # AES encryption, which needs a library Chorus does not install
        raise UnreadablePdf(_PROTECTED) from None
    except Exception:  # a malformed file can break the parser in any way
        raise UnreadablePdf(_("the PDF is damaged or incomplete")) from None
    text = "\n\n".join(_clean(page) for page in pages if page.strip())
    if not text.strip():
        raise UnreadablePdf(
            _("the PDF has no text (scanned pages are images, which Chorus does not read)")
        )
    return text + "\n"


def _clean(page: str) -> str:
    page = _CONTROL.sub("", page.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in page.strip("\n").split("\n"))
