"""Turning a letter template into a letter's text: variables, validation, fingerprints, and
what one supporter's letter says to each recipient (the draft, the preview, the message sent).

Nothing here writes: the letter's lifecycle (submit, confirm) is in letters.services.

Templates are Django templates written by organisers; supporters' own text is never rendered
as a template (it is final text), so a supporter cannot run template code.
"""

import hashlib
import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Engine
from django.utils import translation
from django.utils.translation import gettext as _

from campaign.directory.models import OfficeHolder, Representative, Riding
from campaign.identities import mailbox_address
from campaign.models import Campaign, Target
from letters.models import Letter, LetterRecipient, LetterTemplate

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


# --- One supporter's draft, and the messages their letter becomes ---------------------------------


@dataclass(frozen=True)
class Recipient:
    """Someone a letter is addressed to, always taken from the campaign or the directory."""

    name: str
    role: str
    email: str
    target: Target | None = None
    representative: Representative | None = None
    # For a target by role: the office's holder this letter is addressed to.
    office_holder: OfficeHolder | None = None
    # Our mail to this address bounced or was refused: the outbox will not send to it.
    suppressed: bool = False


def addressed_as(recipient: Recipient | LetterRecipient | Target) -> str:
    """How a letter names its recipient: by name, else by role ("Russian Ambassador")."""
    return recipient.name or recipient.role


def name_marker() -> str:
    """Stands for the supporter's name in a prefilled letter until they give it."""
    return _("[your name]")


def recipient_marker() -> str:
    """Stands for each recipient's name in a letter to several people."""
    return _("[recipient's name]")


def postal_code_marker() -> str:
    """Stands for the supporter's postal code when they have not given it yet."""
    return _("[your postal code]")


def _markers(make) -> set[str]:
    """A marker in every site language: the letter may be composed in one and sent in another."""
    found = set()
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            found.add(make())
    return found


def replace_markers(text: str, make, value: str) -> str:
    """`text` with the marker `make` gives, in any site language, replaced by `value`."""
    for marker in _markers(make):
        text = text.replace(marker, value)
    return text


def _draft_context(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    postal_code: str,
) -> LetterContext:
    """What a draft knows before the supporter writes: markers stand for the rest."""
    if template.kind == LetterTemplate.Kind.MP and len(recipients) == 1:
        representative_name = addressed_as(recipients[0])
    else:
        representative_name = recipient_marker()
    # The riding is named in the language of the text it goes into, which on a French page
    # is English when the template has no French version (campaign.translations).
    riding_name = ""
    if riding is not None:
        in_french = template.shown.body.lang == "fr"
        riding_name = (riding.name_fr if in_french else "") or riding.name_en
    return LetterContext(
        representative_name=representative_name,
        riding=riding_name,
        supporter_name=name_marker(),
        supporter_postal_code=postal_code or postal_code_marker(),
        talking_points=list(template.shown.talking_points or []),
    )


def letter_subjects(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    postal_code: str,
) -> list[str]:
    """The template's subject variants with their variables filled in, each one line."""
    context = _draft_context(
        template=template, recipients=recipients, riding=riding, postal_code=postal_code
    )
    subjects = [
        " ".join(render_text(subject, context).split())[:SUBJECT_MAX_LENGTH]
        for subject in template.subjects or [template.shown.title]
    ]
    return [subject for subject in subjects if subject] or [str(template.shown.title)]


def letter_draft(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    postal_code: str,
) -> str:
    """The body a supporter starts from: the template with what we know filled in, in the
    page's language when the template has a version in it (campaign.translations)."""
    return render_text(
        template.shown.body,
        _draft_context(
            template=template, recipients=recipients, riding=riding, postal_code=postal_code
        ),
    )


def letter_is_unchanged(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    postal_code: str,
    body: str,
) -> bool:
    """Whether `body` is the template's draft untouched, spacing aside.

    The preview then nudges the supporter to add words of their own; it never blocks them.
    A locked template's text is untouched by design, so it is never "unchanged".
    """
    if not template.editable:
        return False
    draft = letter_draft(
        template=template, recipients=recipients, riding=riding, postal_code=postal_code
    )
    return draft.split() == body.split()


def _test_address(campaign: Campaign) -> str:
    return (
        campaign.test_email
        or settings.LETTERS_TEST_EMAIL
        or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    )


def _site_address() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def _addressed_to(letter: Letter, recipient: LetterRecipient | Recipient) -> tuple[str, str]:
    """The letter's subject and body as this recipient gets them: named where the marker is."""
    name = addressed_as(recipient)
    return (
        replace_markers(letter.subject, recipient_marker, name),
        replace_markers(letter.body, recipient_marker, name),
    )


def _shown_address(name: str, address: str) -> str:
    return f"{name} <{address}>" if name else address


def letter_message_for(*, letter: Letter, recipient: LetterRecipient | Recipient) -> dict:
    """Exactly what goes out to one recipient: used for the preview and for sending."""
    subject, body = _addressed_to(letter, recipient)
    # formataddr takes ASCII only: a domain like bücher.de goes as xn--bcher-kva.de. A stored
    # address that cannot be sent raises ValidationError (the confirm page says so).
    reply_address = mailbox_address(letter.supporter_email)
    to = recipient.email
    if letter.test_mode:
        to = _test_address(letter.campaign)
        subject = f"[TEST] {subject}"
    return {
        # Header form for the outbox: formataddr encodes a name like "Côté" (RFC 2047).
        "from_email": formataddr((letter.supporter_name, _site_address())),
        "reply_to": formataddr((letter.supporter_name, reply_address)),
        # What a person reads on the preview: the same addresses, the name as typed.
        "from_shown": _shown_address(letter.supporter_name, _site_address()),
        "reply_to_shown": _shown_address(letter.supporter_name, reply_address),
        "to": to,
        "subject": subject,
        "body": body,
        "intended": recipient,
        "test_mode": letter.test_mode,
    }


def letter_preview(*, letter: Letter, recipients: list[Recipient]) -> list[dict]:
    """The messages a built letter becomes, one per recipient, exactly as they will be sent."""
    return [letter_message_for(letter=letter, recipient=recipient) for recipient in recipients]


@dataclass(frozen=True)
class LetterVersion:
    """The text one or more of a letter's recipients get, as the supporter is shown it."""

    recipients: tuple
    subject: str
    body: str

    @property
    def names(self) -> str:
        return ", ".join(addressed_as(recipient) for recipient in self.recipients)


def letter_versions(
    *, letter: Letter, recipients: list[LetterRecipient] | list[Recipient]
) -> list[LetterVersion]:
    """The letter as its recipients get it, once per distinct text, for the supporter to read.

    A letter to several people is stored with a marker where each one's name goes; the
    supporter's confirmation, copy and status page show the letters as sent instead ("Dear
    Justin Trudeau,"), so a letter naming its recipients is one version each, and a letter that
    does not is one version for all.
    """
    versions: dict[tuple[str, str], list] = {}
    for recipient in recipients:
        versions.setdefault(_addressed_to(letter, recipient), []).append(recipient)
    return [
        LetterVersion(recipients=tuple(group), subject=subject, body=body)
        for (subject, body), group in versions.items()
    ]


@dataclass(frozen=True)
class LetterSummary:
    """What the confirmation email says of a letter: never its text (see letter_summary)."""

    subject_start: str
    length: int


# The confirmation email names at most this much of the subject (in whole words).
SUMMARY_SUBJECT_WORDS = 3
SUMMARY_SUBJECT_CHARS = 30


def letter_summary(*, letter: Letter) -> LetterSummary:
    """The letter in a few words, for the email to an address nobody has confirmed yet.

    That email must not carry what the supporter typed, or the form would relay any text to
    any address from our domain: it gets the subject's first words and the length, and the
    whole letter is on the confirm page behind the signed link.
    """
    words = letter.subject.split()
    start = " ".join(words[:SUMMARY_SUBJECT_WORDS])[:SUMMARY_SUBJECT_CHARS].strip()
    if start != " ".join(words):
        start += "…"
    return LetterSummary(subject_start=start, length=len(letter.body))


def letter_subject_shown(
    *, letter: Letter, recipients: list[LetterRecipient] | list[Recipient]
) -> str:
    """The subject named once for every recipient, where the supporter sees a single subject."""
    names = ", ".join(addressed_as(recipient) for recipient in recipients)
    return replace_markers(letter.subject, recipient_marker, names)
