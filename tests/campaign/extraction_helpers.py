"""What the extraction tests read of a text: the actions drafted at or above LOW_CONFIDENCE."""

from campaign.extraction import CallToAction, extract_actions


def confident(
    text: str, kind: str | None = None, *, language: str | None = None
) -> list[CallToAction]:
    """The actions of `text` an organiser is offered (of `kind`, if given), in text order."""
    return [
        action
        for action in extract_actions(text, language=language)
        if not action.low_confidence and (kind is None or action.kind == kind)
    ]


def by_kind(text: str, *, language: str | None = None) -> dict[str, list[CallToAction]]:
    """`confident(text)` grouped by kind."""
    found: dict[str, list[CallToAction]] = {}
    for action in confident(text, language=language):
        found.setdefault(action.kind, []).append(action)
    return found
