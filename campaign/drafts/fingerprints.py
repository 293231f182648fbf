"""The identity of a call to action across extractor versions: its kind and its quoted sentence.

Character offsets are not part of it: an upgraded extractor may start a span one character
earlier (a bullet, a quotation mark) or end it later (the full stop), and it is still the same
ask. Case, accents' composed forms, punctuation and spacing are normalised away for the same
reason; the words and their order are kept.
"""

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def quote_key(quote: str) -> str:
    """The quote's words, in order, in lower case, one space apart."""
    normalised = unicodedata.normalize("NFKC", quote).casefold()
    return " ".join(_NOT_WORD.sub(" ", normalised).split())


def action_fingerprint(*, kind: str, quote: str) -> str:
    """A 64-character key for (kind, quote): equal for the same ask, whatever its offsets."""
    return hashlib.sha256(f"{kind}\n{quote_key(quote)}".encode()).hexdigest()
