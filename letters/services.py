"""Writes of the letters app: drafting templates, submitting and confirming letters."""

import logging

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from campaign.models import CallToAction, Campaign, Target
from letters.models import LetterTemplate

log = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = 200
NAME_MAX_LENGTH = 100
BODY_MIN_LENGTH = 50
BODY_MAX_LENGTH = 8000

DEFAULT_TALKING_POINTS_FALLBACK = (
    "Say in your own words why this matters to you.",
    "Ask them to act, and to reply to you.",
)

_TARGET_KINDS = {choice for choice, _label in Target.Kind.choices}


# --- Drafting templates from a document's call to action -----------------------------------


def _target_kind(value: str) -> str:
    value = (value or "").strip().lower().replace(" ", "_")
    return value if value in _TARGET_KINDS else Target.Kind.OTHER


def _draft_body(action: CallToAction) -> str:
    ask = " ".join((action.text or "").split())
    paragraphs = ["Dear {{ representative_name }},"]
    if action.letter_body.strip():
        paragraphs.append(action.letter_body.strip())
        if ask and ask not in action.letter_body:
            paragraphs.append(f"I am writing to ask you to {ask.rstrip('.')}.")
    elif ask:
        paragraphs.append(
            f"I am writing to ask you to {ask[0].lower()}{ask[1:].rstrip('.')}."
            if ask[:1].isupper() and not ask[:2].isupper()
            else f"I am writing to ask you to {ask.rstrip('.')}."
        )
    paragraphs.append("{{ talking_points }}")
    paragraphs.append("I look forward to your reply.")
    paragraphs.append("Sincerely,\n{{ supporter_name }}\n{{ supporter_postal_code }}")
    return "\n\n".join(paragraphs)


def _draft_subjects(action: CallToAction) -> str:
    ask = " ".join((action.text or "").split()).rstrip(".")
    short = ask if len(ask) <= 80 else ask[:77].rsplit(" ", 1)[0] + "…"
    variants = [
        f"Please {short[0].lower()}{short[1:]}" if short else "Please act now",
        "A constituent asks you to act"
        if action.kind == CallToAction.Kind.LETTER_TO_MP
        else "A Canadian asks you to act",
        "Please act now, and reply to me",
    ]
    # Subjects are single header lines: nothing the document said can add a line.
    return "\n".join(" ".join(variant.split()) for variant in variants)


def letter_template_draft_from_action(
    *,
    campaign: Campaign,
    action: CallToAction,
    talking_points_fallback: tuple[str, ...] | list[str] = DEFAULT_TALKING_POINTS_FALLBACK,
) -> LetterTemplate:
    """Draft a letter template from a letter call to action (idempotent: one per action).

    `letter_to_mp` gives a template for the supporter's MP; `letter_to_targets` also creates
    the campaign's Targets from `action.targets` (those with an email; existing ones, matched by
    email, are reused) and links them. The organiser reviews the draft before publishing.
    """
    existing = LetterTemplate.objects.filter(campaign=campaign, source=action).first()
    if existing is not None:
        return existing
    if action.kind == CallToAction.Kind.LETTER_TO_MP:
        kind = LetterTemplate.Kind.MP
    elif action.kind == CallToAction.Kind.LETTER_TO_TARGETS:
        kind = LetterTemplate.Kind.TARGETS
    else:
        raise ValueError(f"call to action {action.pk} is not a letter ({action.kind})")

    talking_points = [str(p).strip() for p in (action.talking_points or []) if str(p).strip()]
    with transaction.atomic():
        targets: list[Target] = []
        if kind == LetterTemplate.Kind.TARGETS:
            for found in action.targets or []:
                email = str(found.get("email") or "").strip()
                if not email:
                    continue
                target, _created = Target.objects.get_or_create(
                    campaign=campaign,
                    email=email,
                    defaults={
                        "name": str(found.get("name") or "")[:200],
                        "role": str(found.get("role") or "")[:200],
                        "kind": _target_kind(str(found.get("kind") or "")),
                        "phone": str(found.get("phone") or "")[:40],
                        "postal_address": str(found.get("postal_address") or ""),
                        "organisation": str(found.get("organisation") or "")[:200],
                        "source": action,
                    },
                )
                targets.append(target)
        base = slugify(
            "write-to-your-mp" if kind == LetterTemplate.Kind.MP else "write-to-the-decision-makers"
        )
        slug, n = base, 2
        while LetterTemplate.objects.filter(campaign=campaign, slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        template = LetterTemplate.objects.create(
            campaign=campaign,
            slug=slug,
            title=(
                _("Write to your MP")
                if kind == LetterTemplate.Kind.MP
                else _("Write to the decision-makers")
            ),
            kind=kind,
            subject_variants=_draft_subjects(action),
            body=_draft_body(action),
            talking_points=talking_points or list(talking_points_fallback),
            editable=True,
            source=action,
        )
        if targets:
            template.targets.set(targets)
    return template
