"""Writes for reviewing a draft: accept or delete a drafted item, add or decline a re-read's
offers. Every decision is remembered per campaign by the action's fingerprint, so no import or
re-read drafts again what an organiser deleted or declined."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from campaign.drafts.fingerprints import action_fingerprint
from campaign.drafts.selectors import (
    draft_item_get,
    source_document_reread,
)
from campaign.models import Campaign, DraftDecision, SourceDocument, Target
from campaign.services import calls_to_action_record, campaign_draft


class DraftItemLocked(Exception):
    """The item cannot be deleted from the review: the message says why."""


def draft_decision_record(
    *, campaign: Campaign, kind: str, quote: str, decision: str, user=None
) -> DraftDecision:
    """Remember the organiser's decision on the action of `kind` quoting `quote`, for the
    campaign; the last decision stands."""
    record, _created = DraftDecision.objects.update_or_create(
        campaign=campaign,
        fingerprint=action_fingerprint(kind=kind, quote=quote),
        defaults={
            "kind": kind,
            "evidence_quote": quote,
            "decision": decision,
            "decided_by": user,
            "decided_at": timezone.now(),
        },
    )
    return record


def draft_item_accept(*, campaign: Campaign, kind: str, pk: int, user=None) -> bool:
    """Mark a drafted item checked against its evidence; False for one added by hand (there
    is no evidence to check it against). Raises UnknownDraftItem for another campaign's."""
    item = draft_item_get(campaign=campaign, kind=kind, pk=pk)
    if item.source is None:
        return False
    draft_decision_record(
        campaign=campaign,
        kind=item.source.kind,
        quote=item.source.evidence_quote,
        decision=DraftDecision.Decision.ACCEPTED,
        user=user,
    )
    return True


@transaction.atomic
def draft_item_delete(*, campaign: Campaign, kind: str, pk: int, user=None) -> str:
    """Delete a drafted item of a draft campaign and remember it was not wanted; returns its
    name. The call to action stays (the document still shows its evidence), but no import or
    re-read drafts from that sentence again.

    Raises DraftItemLocked when the campaign is no longer a draft (supporters may have used the
    item: edit it in its own admin page instead) or when supporters' letters hang on it.
    """
    if campaign.status != Campaign.Status.DRAFT:
        raise DraftItemLocked("published")
    item = draft_item_get(campaign=campaign, kind=kind, pk=pk)
    name = str(item)
    draft_items_dismissed(campaign=campaign, items=[item], user=user)
    try:
        with transaction.atomic():
            item.delete()
    except ProtectedError:
        raise DraftItemLocked("protected") from None
    return name


def draft_items_dismissed(*, campaign: Campaign, items: Iterable, user=None) -> int:
    """Remember that the organiser deleted these drafted items (from the review, the campaign's
    page or the item's own admin page); returns how many came from a call to action."""
    count = 0
    for item in items:
        source = getattr(item, "source", None)
        # A target is one recipient of a letter drafted from the same sentence: removing it
        # edits the letter, and does not say the letter was unwanted.
        if source is None or isinstance(item, Target):
            continue
        draft_decision_record(
            campaign=campaign,
            kind=source.kind,
            quote=source.evidence_quote,
            decision=DraftDecision.Decision.DISMISSED,
            user=user,
        )
        count += 1
    return count


@dataclass
class RereadReport:
    """What adding a re-read's offers did, for the admin's messages."""

    document: SourceDocument
    campaign: Campaign | None = None
    added: int = 0
    declined: int = 0
    drafted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    drafting_skipped: bool = False


@transaction.atomic
def source_document_reread_apply(
    *, document: SourceDocument, add: Iterable[str], user=None
) -> RereadReport:
    """Read the document again, record the offers whose key is in `add` as calls to action and
    draft from them (into a draft campaign only); remember every other offer as declined.

    The offers are computed again here, so an offer that stopped being new since the form was
    shown (another organiser added it) is neither added twice nor declined.
    """
    result = source_document_reread(document=document)
    report = RereadReport(document=document, campaign=result.campaign)
    if result.campaign is None or not result.offers:
        return report
    wanted = set(add)
    chosen = [offer for offer in result.offers if offer.key in wanted]
    declined = [offer for offer in result.offers if offer.key not in wanted]
    for offer in declined:
        draft_decision_record(
            campaign=result.campaign,
            kind=offer.action.kind,
            quote=offer.action.evidence.quote,
            decision=DraftDecision.Decision.DISMISSED,
            user=user,
        )
    report.declined = len(declined)
    if not chosen:
        return report
    actions, created = calls_to_action_record(
        document=document,
        extracted=dataclasses.replace(
            result.extracted, actions=tuple(offer.action for offer in chosen)
        ),
        campaign=result.campaign,
    )
    report.added = created
    if result.campaign.status == Campaign.Status.DRAFT:
        drafted = campaign_draft(campaign=result.campaign, actions=actions)
        report.drafted, report.skipped = drafted.drafted, drafted.skipped
    else:
        report.drafting_skipped = True
    return report
