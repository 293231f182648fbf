"""Turning a letter template into a letter's text: variables, validation, fingerprints.

Templates are Django templates written by organisers; supporters' own text is never rendered
as a template (it is final text), so a supporter cannot run template code.
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template import Context, Engine
from django.utils.translation import gettext as _

# A subject is one email header line; longer ones get folded or cut by mail software.
SUBJECT_MAX_LENGTH = 200

VARIABLES = (
    "representative_name",
    "riding",
    "supporter_name",
    "supporter_postal_code",
    "talking_points",
)

# Plain-text letters: no HTML escaping here; every page and HTML email escapes when showing.
_ENGINE = Engine(autoescape=False, string_if_invalid="")

# Tags that reach outside the text (files, other templates, libraries) have no place in a letter.
_FORBIDDEN_TAG = re.compile(r"{%\s*(include|extends|load|ssi|debug|block)\b")

_VARIABLE_NAME = re.compile(r"{{\s*([\w.]+)")


@dataclass(frozen=True)
class LetterContext:
    """The values a template's variables take for one letter (talking points as a list)."""

    representative_name: str
    riding: str
    supporter_name: str
    supporter_postal_code: str
    talking_points: list[str]

    def as_dict(self) -> dict[str, str]:
        points = "\n".join(f"- {point}" for point in self.talking_points if point.strip())
        return {
            "representative_name": self.representative_name,
            "riding": self.riding,
            "supporter_name": self.supporter_name,
            "supporter_postal_code": self.supporter_postal_code,
            "talking_points": points,
        }


SAMPLE_CONTEXT = LetterContext(
    representative_name="Jane Doe",
    riding="Ottawa Centre",
    supporter_name="Sam Supporter",
    supporter_postal_code="K1A 0A6",
    talking_points=["A first point.", "A second point."],
)


def validate_template_source(*, body: str, subject_variants: str) -> None:
    """Raise ValidationError (per field) when a template would fail or misbehave for supporters."""
    errors: dict[str, list[str]] = {}
    for field, source in (("body", body), ("subject_variants", subject_variants)):
        forbidden = _FORBIDDEN_TAG.search(source or "")
        if forbidden:
            errors.setdefault(field, []).append(
                _("The tag “%(tag)s” cannot be used in a letter.") % {"tag": forbidden.group(1)}
            )
            continue
        try:
            _ENGINE.from_string(source or "").render(
                Context(SAMPLE_CONTEXT.as_dict(), autoescape=False)
            )
        except Exception as error:  # a syntax error or a filter failing on sample values
            errors.setdefault(field, []).append(
                _("Template error: %(error)s") % {"error": str(error)}
            )
            continue
        unknown = sorted(
            {name.split(".")[0] for name in _VARIABLE_NAME.findall(source or "")} - set(VARIABLES)
        )
        if unknown:
            errors.setdefault(field, []).append(
                _("Unknown variable: %(names)s. Use one of: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(VARIABLES)}
            )
    subjects = [line.strip() for line in (subject_variants or "").splitlines() if line.strip()]
    # An empty field is the field's own "required" error; only blank lines are ours to report.
    if subject_variants and not subjects:
        errors.setdefault("subject_variants", []).append(_("Give at least one subject."))
    if any(len(subject) > SUBJECT_MAX_LENGTH for subject in subjects):
        errors.setdefault("subject_variants", []).append(
            _("Each subject is at most %(max)d characters.") % {"max": SUBJECT_MAX_LENGTH}
        )
    if errors:
        raise ValidationError(errors)


def render_text(source: str, context: LetterContext) -> str:
    """Render organiser-written template text with the letter's variables."""
    text = _ENGINE.from_string(source).render(Context(context.as_dict(), autoescape=False))
    # Collapse the blank lines an empty variable leaves behind.
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def fingerprint(*, body: str, supporter_name: str, supporter_postal_code: str) -> str:
    """The text reduced to its words, without the parts every letter has of its own.

    Letters whose fingerprints match are form letters, whatever the spacing, case,
    punctuation, signature name or postal code.
    """
    text = body.lower()
    for personal in (supporter_name, supporter_postal_code, supporter_postal_code.replace(" ", "")):
        if personal.strip():
            text = text.replace(personal.lower(), " ")
    words = re.findall(r"\w+", text)
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
