"""Writes of call pages: drafting one from a call to action, and counting a supporter's call."""

import uuid

from django.db import IntegrityError, transaction

from campaign.calls.drafting import OfficeName, drafting_in
from campaign.calls.phones import phone_key
from campaign.models import Call, CallPage, CallToAction, Campaign, Target
from campaign.slugs import unique_slug

_TARGET_KINDS = {choice for choice, _label in Target.Kind.choices}


class CallsClosed(Exception):
    """The page's campaign is not published (a draft, or closed): no call is counted."""


def _office(found: dict) -> OfficeName:
    return OfficeName(
        name=str(found.get("name") or ""),
        role=str(found.get("role") or ""),
        kind=str(found.get("kind") or ""),
        organisation=str(found.get("organisation") or ""),
    )


def _target_for(*, campaign: Campaign, action: CallToAction, found: dict) -> Target | None:
    """The campaign's Target for one office a call to action gives a number for, or None.

    An existing target is reused: the one with the document's email (also as the address the
    document gave a target by role), else a fixed one with the same number. A reused target
    without a number gets this one; one with another number keeps its own. Otherwise the office
    becomes a fixed target with only a phone: no letter goes to it.
    """
    phone = str(found.get("phone") or "").strip()[:40]
    if not phone:
        return None
    email = str(found.get("email") or "").strip()
    targets = Target.objects.filter(campaign=campaign).order_by("id")
    existing = None
    if email:
        existing = (
            targets.filter(email__iexact=email).first()
            or targets.filter(document_email__iexact=email).first()
        )
    if existing is None:
        key = phone_key(phone)
        existing = next(
            (t for t in targets.filter(office=None).exclude(phone="") if phone_key(t.phone) == key),
            None,
        )
    if existing is not None:
        if not existing.phone:
            existing.phone = phone
            existing.save(update_fields=["phone"])
        return existing
    kind = str(found.get("kind") or "")
    return Target.objects.create(
        campaign=campaign,
        name=str(found.get("name") or "")[:200],
        role=str(found.get("role") or "")[:200],
        kind=kind if kind in _TARGET_KINDS else Target.Kind.OTHER,
        organisation=str(found.get("organisation") or "")[:200],
        email=email[:254],
        phone=phone,
        postal_address=str(found.get("postal_address") or ""),
        source=action,
    )


def call_page_draft_from_action(
    *, campaign: Campaign, action: CallToAction
) -> tuple[CallPage | None, bool]:
    """Draft a call page of `campaign` from a call to action of kind `call`, and say whether
    it was created now: (page, True), (the earlier page, False), or (None, False) when the
    action gives no number to call (nothing is drafted; drafting again will not either).

    The offices are the action's targets with a phone, as campaign Targets (reused when the
    campaign has them: _target_for). The title and script are worded from the action
    (campaign.calls.drafting) for the organiser to edit before publishing.
    """
    if action.kind != CallToAction.Kind.CALL:
        raise ValueError(f"call to action {action.pk} is not a call ({action.kind})")
    existing = CallPage.objects.filter(campaign=campaign, source=action).first()
    if existing is not None:
        return existing, False
    found = [t for t in action.targets or [] if str(t.get("phone") or "").strip()]
    if not found:
        return None, False
    offices = [_office(t) for t in found]
    with transaction.atomic():
        targets = []
        for details in found:
            target = _target_for(campaign=campaign, action=action, found=details)
            if target is not None and target not in targets:
                targets.append(target)
        # Worded in the campaign's language: calls.drafting, or calls.drafting_fr.
        wording = drafting_in(campaign.language)
        title = wording.call_title(offices)
        page = CallPage.objects.create(
            campaign=campaign,
            slug=unique_slug(
                title, taken=CallPage.objects.filter(campaign=campaign), fallback="call"
            ),
            title=title,
            script=wording.call_script(
                text=action.text,
                evidence=action.evidence_quote,
                talking_points=action.talking_points or [],
                offices=offices,
                campaign_title=campaign.title,
            ),
            source=action,
        )
        page.targets.set(targets)
    return page, True


def call_record(*, page: CallPage, target: Target, supporter: uuid.UUID) -> bool:
    """Count `supporter`'s call to one office of `page`; returns whether it counted now.

    Once per supporter per office: a second press, or two at once, hits the unique constraint
    and counts nothing (False), and the supporter is thanked the same. Raises CallsClosed when
    the page's campaign is not published, ValueError when `target` is not one of its offices.
    """
    if not page.campaign.is_open:
        raise CallsClosed(page.campaign.get_status_display())
    if not page.targets.filter(pk=target.pk).exclude(phone="").exists():
        raise ValueError(f"target {target.pk} is not an office of call page {page.pk}")
    try:
        with transaction.atomic():
            Call.objects.create(page=page, target=target, supporter=supporter)
    except IntegrityError:
        return False
    return True
