"""Reading hard-wrapped plain text as its writer typed it, without moving a single character.

A plain-text email wrapped at 40 or 60 columns breaks roles, names and addresses over lines
("Minister of Foreign" / "Affairs, Anita" / "Anand, at ..."), and every detector would need to
allow for it. Instead, the line breaks that only wrapping put there - after a full line, where the
next word would not have fit - become spaces. The result has exactly the same length as the
original, so every offset found in it quotes the original text.
"""

from __future__ import annotations

import itertools
import re

from .text import LIST_ITEM_RE, lines, wrap_width


def unwrapped(text: str) -> str:
    """`text` with wrapping line breaks turned into spaces (same length, same offsets)."""
    width = wrap_width(text)
    if not width:
        return text
    chars = list(text)
    all_lines = lines(text)
    first = next((line for line in all_lines if line.text.strip()), None)
    for index, (line, following) in enumerate(itertools.pairwise(all_lines)):
        words = following.text.split()
        if not line.text.strip() or not words or LIST_ITEM_RE.match(following.text):
            continue
        after = all_lines[index + 2].text if index + 2 < len(all_lines) else ""
        if line is first and len(following.text.rstrip()) < 0.8 * width and after.strip():
            # A title over a short subtitle line ("Coalition name"), however long the title.
            continue
        if _is_quoted(line.text) or _is_quoted(following.text):
            continue  # "> " reply quoting: the marker would land inside the sentence
        if _ADDRESS_LINE_RE.match(following.text):
            continue  # "c/o Embassy ...", "245 Metcalfe Street", "Tel: ...": an address block
        if len(line.text.rstrip()) + 1 + len(words[0]) > width:
            for index in range(line.end, following.start):
                chars[index] = " "  # "\n", or "\r\n" from Windows
    return "".join(chars)


_ADDRESS_LINE_RE = re.compile(r"(?i)\s*(?:\d|c/o\b|p\.?\s?o\.?\s+box\b|[\w ]{1,20}:\s)")


def _is_quoted(line: str) -> bool:
    return bool(re.match(r"\s*>", line))
