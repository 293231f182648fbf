"""Secret links taken out of the text staff see and the text the outbox keeps.

A confirmation link is a capability: whoever holds it can send a letter nobody confirmed, or
count a signature. The admin shows stored bodies with the token of every such link replaced,
and a row rendered by the worker (the petition confirmation) is kept that way once sent: the
message went out with the live link, the row holds `…/confirm/[link removed]/`.
"""

import functools
import json
import re

from django.urls import NoReverseMatch, reverse

# URL names whose `token` is a signed capability (confirm a letter or a signature, read a
# letter's status and text, remove a supporter's data).
SECRET_LINKS = ("letters:confirm", "letters:status", "petitions:confirm", "privacy:remove")
REMOVED = "[link removed]"
_PLACEHOLDER = "TOKEN-PLACEHOLDER"


@functools.cache
def _pattern() -> re.Pattern:
    alternatives = []
    for name in SECRET_LINKS:
        try:
            path = reverse(name, kwargs={"token": _PLACEHOLDER})
        except NoReverseMatch:  # an app that is not installed has no links to hide
            continue
        prefix, suffix = path.split(_PLACEHOLDER)
        # A token runs to the next "/", quote, bracket or space (tokens are URL-safe base64
        # with ":" separators, never HTML-escaped).
        alternatives.append(f"({re.escape(prefix)})[^/\\s\"'<>&]+(?={re.escape(suffix)})")
    return re.compile("|".join(alternatives) or r"(?!)")


def redact_links(text: str) -> str:
    """`text` with the token of every secret link replaced by REMOVED."""
    if not text:
        return text
    return _pattern().sub(lambda match: next(g for g in match.groups() if g) + REMOVED, text)


def redact_headers(headers: dict) -> str:
    """Extra headers as JSON, with secret links removed (a List-Unsubscribe may hold one)."""
    return redact_links(json.dumps(headers or {}, indent=2, ensure_ascii=False))


def kept_after_sending(*, subject: str, body_text: str, body_html: str) -> tuple[str, str, str]:
    """What a row rendered at send time keeps of the message that went out."""
    return subject, redact_links(body_text), redact_links(body_html)
