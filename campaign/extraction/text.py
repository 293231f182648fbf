"""Splitting a document into paragraphs, sentences and lists, keeping offsets into the original.

Every detector works on `Span`s so that the evidence it reports can always be quoted verbatim
from the source (`text[span.start:span.end] == span.text`). Nothing here rewrites the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A slice of the original document."""

    start: int
    end: int
    text: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class ListBlock:
    """A bullet or numbered list introduced by a line ending with a colon."""

    intro: Span  # the whole introducing line ("Tell them:", "... saying that you:")
    items: tuple[Span, ...]  # each item's text, marker and surrounding whitespace excluded

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else self.intro.end


# Regex pieces the detectors share. A capitalised word ("Minister", "O'Regan", "Gull-Masty"):
CAPITALISED = r"[A-Z][\w'\u2019-]*"
# Between the words of a name or a role: spaces, or one hard-wrapped line break, never a blank
# line.
WRAPPED_SPACE = r"(?:[^\S\r\n]+|[^\S\r\n]*\r?\n[^\S\r\n]*)"

# Whitespace including the no-break spaces that web scrapes are full of.
_WS = " \t\u00a0\u2009\u202f"
_WS_CLASS = r"[ \t\u00a0\u2009\u202f]"

# A list marker: a bullet glyph, "1." / "1)" / "(1)", "a." / "(a)", or roman "(iv)".
_BULLETS = "\u2022\u25aa\u25e6\u25cf\u2023\u2219\u00b7\u2043\u2013\u2014*-"
LIST_ITEM_RE = re.compile(
    rf"^{_WS_CLASS}*(?:[{re.escape(_BULLETS)}]|\(?\d{{1,2}}[.)]|\(?[a-zA-Z][.)]|\([ivxIVX]+\))"
    rf"{_WS_CLASS}+(?P<item>\S.*?){_WS_CLASS}*$"
)

# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "hon",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "co",
        "corp",
        "ave",
        "blvd",
        "rd",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "p.o",
        "approx",
        "dept",
        "est",
        "fig",
        "ph.d",
        "a.m",
        "p.m",
        "cf",
        "al",
        "op",
        "ed",
        "tel",
        "ext",
    ]
)
# Words a hard-wrapped line may end with in the middle of a sentence.
_WRAPPING_WORDS = frozenset(
    ["a", "an", "the", "to", "of", "and", "or", "for", "in", "on", "with", "that", "by", "at"]
)
# A line that starts with a phone number or an email address.
_CONTACT_START_RE = re.compile(r"[ \t]*(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3}[\s.-]\d{3}|\S+@\S+\.\w)")
_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
# French pages pasted without the space after a full stop (« ... du Québec.C'est pourquoi »,
# « ... soit évaluée.Merci de signer »): a stop between a lowercase word and a capitalised one
# ends a sentence too. Not after one capital (« M.Macron ») nor inside an address (« .org »).
_GLUED_BOUNDARY_FR_RE = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|(?<=[a-zà-ÿ]{2})[.!?](?=[A-ZÀ-Þ][a-zà-ÿ'\u2019])"
)
_TERMINAL_RE = re.compile(r"[.!?:\u2026\"\u201d\u2019]\s*$")
# A line that a list completes: "... as follows:", "We call upon the Minister to".
_INTRODUCES_LIST_RE = re.compile(r"(?::|\bto)\s*$")


def collapse(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to single spaces and trim."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def trimmed(text: str, start: int, end: int) -> Span:
    """The span `text[start:end]` with surrounding whitespace moved out of it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def lines(text: str) -> list[Span]:
    """Every line of the text (without its newline), blank lines included."""
    spans = []
    offset = 0
    for raw in text.split("\n"):
        # Windows line ends ("\r\n", as pasted into a browser form): the "\r" is not content.
        line = raw[:-1] if raw.endswith("\r") else raw
        spans.append(Span(offset, offset + len(line), line))
        offset += len(raw) + 1
    return spans


def paragraphs(text: str) -> list[Span]:
    """Blocks of text separated by blank lines, trimmed."""
    spans = []
    start = 0
    for match in re.finditer(r"\n[ \t\r\u00a0]*\n\s*", text):
        span = trimmed(text, start, match.start())
        if span.text:
            spans.append(span)
        start = match.end()
    span = trimmed(text, start, len(text))
    if span.text:
        spans.append(span)
    return spans


def wrap_width(text: str) -> int:
    """The column a plain-text email was hard-wrapped at, or 0 when it was not.

    Wrapped text has many lines, each followed by more of its paragraph, that stop within a few
    columns of the same width; unwrapped text has one line per paragraph or ragged short lines.
    """
    all_lines = [line.text.rstrip() for line in lines(text)]
    running = [
        len(line)
        for line, following in itertools.pairwise(all_lines)
        if line.strip() and following.strip()
    ]
    if not running:
        return 0
    width = max(running)
    full = sum(1 for length in running if length >= width * 0.8)
    # Address blocks are short runs of lines too: only a wide, mostly full text counts.
    return width if 30 <= width <= 100 and full >= 4 and 10 * full >= 3 * len(running) else 0


# The same in French, for French documents.
_WRAPPING_WORDS_FR = _WRAPPING_WORDS | frozenset(
    re.split(
        " ",
        "et ou de du des la le les à au aux un une en par pour sur dans avec que qui votre vos "
        "notre nos vers chez contre entre sans sous selon depuis pendant afin ainsi mais car ne "
        "se ce cette ces son sa ses leur leurs très plus moins tout tous toutes lui y",
    )
)


def _is_heading(
    line: str, following: str = "", width: int = 0, wrapping: frozenset[str] = _WRAPPING_WORDS
) -> bool:
    # A short line without final punctuation ("Speak out") is a heading, not half a sentence -
    # unless the sentence plainly goes on (a trailing comma or "to", the next line in lower case)
    # or, in hard-wrapped text, the next line's first word would not have fit on this one
    # ("... Minister of Health and" / "Wellness, Michelle Thompson" / "(minister@...), and").
    words = line.split()
    next_word = following.split()[0] if following.split() else ""
    return (
        len(words) <= 6
        and not _TERMINAL_RE.search(line)
        and not line.rstrip().endswith(",")
        and words[-1].casefold() not in wrapping
        and not following.lstrip(_WS)[:1].islower()
        and not (width and next_word and len(line.rstrip()) + 1 + len(next_word) > width)
    )


def _is_title_line(
    line: str, following: str, width: int = 0, wrapping: frozenset[str] = _WRAPPING_WORDS
) -> bool:
    # The document's first line, when the next line starts afresh, is its title even if it is
    # long ("We demand that Ottawa end fossil fuel subsidies this year\nCoalition name\n...") -
    # but not a full line of hard-wrapped text ("Email the Chair, Maryse" / "Bertrand, at ...").
    words = line.split()
    next_word = following.split()[0] if following.split() else ""
    return (
        len(words) <= 16
        and following[:1].isupper()
        and words[-1].casefold() not in wrapping
        and not _TERMINAL_RE.search(line)
        and not line.rstrip().endswith(",")
        and not (width and next_word and len(line.rstrip()) + 1 + len(next_word) > width)
    )


def _chunks(
    text: str,
    paragraph: Span,
    first: bool = False,
    width: int = 0,
    wrapping: frozenset[str] = _WRAPPING_WORDS,
) -> list[Span]:
    """Group a paragraph's lines into runs that may be one (hard-wrapped) sentence or several.

    List items, headings, the document's title line (in the `first` paragraph) and lines ending
    in terminal punctuation always close a run; other line breaks are treated as wrapping inside
    a sentence.
    """
    chunks: list[Span] = []
    current: Span | None = None
    paragraph_lines = lines(paragraph.text)
    if first and len(paragraph_lines) > 1:
        title = paragraph_lines[0]
        if _is_title_line(title.text, paragraph_lines[1].text.lstrip(), width, wrapping):
            chunks.append(trimmed(text, paragraph.start, paragraph.start + title.end))
            paragraph_lines = paragraph_lines[1:]
    in_item = False
    previous = ""
    for index, line in enumerate(paragraph_lines):
        following = paragraph_lines[index + 1].text if index + 1 < len(paragraph_lines) else ""
        line_before, previous = previous, line.text
        start = paragraph.start + line.start
        end = paragraph.start + line.end
        item = LIST_ITEM_RE.match(line.text)
        if item:
            # The marker is not part of what the item says.
            if current:
                chunks.append(current)
            current, in_item = trimmed(text, start + item.start("item"), end), True
            if _TERMINAL_RE.search(line.text):
                chunks.append(current)
                current = None
            continue
        if not line.text.strip():
            continue
        if in_item and current is not None and not continues_item(line.text, line_before):
            chunks.append(current)
            current = None
        in_item = in_item and current is not None
        if current is None:
            current = trimmed(text, start, end)
        else:
            current = trimmed(text, current.start, end)
        if _TERMINAL_RE.search(line.text) or _is_heading(line.text, following, width, wrapping):
            chunks.append(current)
            current = None
    if current:
        chunks.append(current)
    return chunks


def continues_item(line: str, before: str = "") -> bool:
    """True when a line after an unfinished list item is its hard-wrapped rest: indented,
    starting in lower case or with a digit ("1. ... withdraw Bill" / "23."), or after a line
    that stops mid-phrase ("... agreed to write to the" / "MP, Hon. ...")."""
    first = line.lstrip(_WS)[:1]
    words = before.split()
    runs_on = bool(words) and (
        before.rstrip().endswith(",") or words[-1].casefold() in _WRAPPING_WORDS
    )
    return line[:1] in _WS or first.islower() or first.isdigit() or runs_on


def _ends_sentence(chunk: str, match: re.Match[str]) -> bool:
    punctuation = match.group(0)
    following = chunk[match.end() :].lstrip()
    if following[:1].islower():
        return False
    if punctuation.startswith(".") and len(punctuation.rstrip("\"'\u201d\u2019)]")) == 1:
        word = re.search(r"([\w.]+)$", chunk[: match.start()])
        token = word.group(1).lower() if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    return True


def sentences(text: str, *, language: str = "en") -> list[Span]:
    """Split the document into sentence spans (list items and headings are their own sentences).

    In French (`language="fr"`) a line may also wrap after « et », « de », « la » ..."""
    spans: list[Span] = []
    width = wrap_width(text)
    wrapping = _WRAPPING_WORDS_FR if language == "fr" else _WRAPPING_WORDS
    for index, paragraph in enumerate(paragraphs(text)):
        for chunk in _chunks(text, paragraph, first=index == 0, width=width, wrapping=wrapping):
            start = chunk.start
            boundaries = _GLUED_BOUNDARY_FR_RE if language == "fr" else _BOUNDARY_RE
            for match in boundaries.finditer(chunk.text):
                if _ends_sentence(chunk.text, match):
                    end = chunk.start + match.end()
                    span = trimmed(text, start, end)
                    if span.text:
                        spans.append(span)
                    start = end
            span = trimmed(text, start, chunk.end)
            if span.text:
                spans.append(span)
    return spans


def list_blocks(text: str) -> list[ListBlock]:
    """Find bullet/numbered lists whose introducing line ends with a colon, or with an ask cut
    before its demands ("call upon the Minister to" above "1. Review ...").

    Blank lines between items are allowed; an indented non-item line directly after an item is
    treated as the item's wrapped continuation.
    """
    all_lines = lines(text)
    blocks: list[ListBlock] = []
    index = 0
    while index < len(all_lines):
        line = all_lines[index]
        if not _INTRODUCES_LIST_RE.search(line.text):
            index += 1
            continue
        items: list[Span] = []
        cursor = index + 1
        while cursor < len(all_lines):
            candidate = all_lines[cursor]
            if not candidate.text.strip(_WS):
                cursor += 1
                continue
            match = LIST_ITEM_RE.match(candidate.text)
            if match:
                items.append(trimmed(text, candidate.start + match.start("item"), candidate.end))
                cursor += 1
                continue
            before = all_lines[cursor - 1].text
            unfinished = not _TERMINAL_RE.search(before)
            wrapped = (
                candidate.text[:1] in _WS
                or (unfinished and continues_item(candidate.text, before))
                # "- Minister of Labour Jane Doe:" / "416-326-7600": the label's number, wrapped.
                or (before.rstrip().endswith(":") and bool(_CONTACT_START_RE.match(candidate.text)))
            )
            if items and wrapped and all_lines[cursor - 1].text.strip(_WS):
                items[-1] = trimmed(text, items[-1].start, candidate.end)
                cursor += 1
                continue
            break
        if items:
            blocks.append(ListBlock(intro=trimmed(text, line.start, line.end), items=tuple(items)))
            index = cursor
        else:
            index += 1
    return blocks
