"""Reading an email forwarded with '> ' quote marks as the message it quotes.

"> Please email the Minister of Justice, Sean Fraser, at ... and" / "> urge him to ..." puts a
quote mark inside every sentence. Each quoted line's text is moved left over its marks and the
line padded at its end, so the text keeps its length and its line breaks; `original_offset`
maps a position in the result back to the same character of the original, so evidence still
quotes the email as it was written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .text import lines

_MARKS_RE = re.compile(r"^(?:[ \t]*>)+[ \t]?")


@dataclass(frozen=True)
class Dequoted:
    """The text without quote marks, and where each line's content moved."""

    text: str
    # (line start, line end, how far its content moved left), for quoted lines only.
    moves: tuple[tuple[int, int, int], ...] = ()

    def original_offset(self, offset: int) -> int:
        """The position in the original text of the character at `offset` in `self.text`."""
        index = bisect.bisect_right([start for start, _, _ in self.moves], offset) - 1
        if index < 0:
            return offset
        _, end, moved = self.moves[index]
        if offset > end:
            return offset
        # Content moved left by `moved`; the padding at the end stands for the line's end.
        return min(offset + moved, end)


def dequoted(text: str) -> Dequoted:
    """`text` with '> ' quote marks taken off the start of its lines (same length)."""
    quoted = [(line, _MARKS_RE.match(line.text)) for line in lines(text)]
    if sum(1 for _, marks in quoted if marks) < 2:
        return Dequoted(text)
    pieces, moves, cursor = [], [], 0
    for line, marks in quoted:
        if not marks:
            continue
        moved = marks.end()
        content = line.text[moved:]
        pieces.append(text[cursor : line.start] + content + " " * moved)
        moves.append((line.start, line.end, moved))
        cursor = line.end
    pieces.append(text[cursor:])
    return Dequoted("".join(pieces), tuple(moves))
