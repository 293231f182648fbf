"""Reads for reviewing a draft: each drafted item with its evidence, and what a re-read offers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign import extraction
from campaign.drafts.fingerprints import action_fingerprint
from campaign.models import CallToAction, Campaign, DraftDecision, SourceDocument

# The kinds of drafted item the review lists: (key, the campaign's related manager, label).
# Targets are not listed on their own: each belongs to the letter or call page that uses it.
ITEM_KINDS = {
    "petition": ("petitions", gettext_lazy("Petition")),
    "letter": ("letter_templates", gettext_lazy("Letter")),
    "call_page": ("call_pages", gettext_lazy("Call page")),
    "donation": ("donation_links", gettext_lazy("Donation link")),
}
CONTEXT_CHARS = 160


class UnknownDraftItem(Exception):
    """No drafted item of that kind and id in this campaign."""


@dataclass(frozen=True)
class ReviewItem:
    """One drafted item as the review screen shows it, beside the sentence it came from."""

    kind: str
    label: str
    item: models.Model
    title: str
    detail: str
    recipients: list[str]
    recipients_label: str
    change_url: str
    # None: an organiser added it by hand (nothing to check it against, nothing to accept).
    source: CallToAction | None
    accepted: bool

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.item.pk}"


@dataclass
class CampaignReview:
    """The review screen of one campaign: its drafted items and the actions drafted into none."""

    campaign: Campaign
    items: list[ReviewItem] = field(default_factory=list)
    not_drafted: list[tuple[CallToAction, bool]] = field(default_factory=list)

    @property
    def to_review(self) -> int:
        return sum(1 for item in self.items if item.source is not None and not item.accepted)


def campaign_decisions(*, campaign: Campaign) -> dict[str, str]:
    """fingerprint -> decision ("accepted" or "dismissed") for every decision on the campaign."""
    return dict(
        DraftDecision.objects.filter(campaign=campaign).values_list("fingerprint", "decision")
    )


def campaign_dismissed_fingerprints(*, campaign: Campaign) -> set[str]:
    """The fingerprints of the actions an organiser deleted or declined for the campaign."""
    return set(
        DraftDecision.objects.filter(
            campaign=campaign, decision=DraftDecision.Decision.DISMISSED
        ).values_list("fingerprint", flat=True)
    )


def call_to_action_fingerprint(action: CallToAction) -> str:
    return action_fingerprint(kind=action.kind, quote=action.evidence_quote)


def draft_item_get(*, campaign: Campaign, kind: str, pk: int) -> models.Model:
    """The campaign's drafted item of `kind` ("petition", "letter", …) with that id."""
    if kind not in ITEM_KINDS:
        raise UnknownDraftItem(kind)
    manager = getattr(campaign, ITEM_KINDS[kind][0])
    try:
        return manager.select_related("source__document").get(pk=pk)
    except (manager.model.DoesNotExist, ValueError):
        raise UnknownDraftItem(f"{kind}:{pk}") from None


def campaign_review(*, campaign: Campaign) -> CampaignReview:
    """Every item drafted for the campaign, with its evidence and whether it was accepted, and
    the campaign's calls to action that no item came from (low confidence, deleted, skipped)."""
    decisions = campaign_decisions(campaign=campaign)
    review = CampaignReview(campaign=campaign)
    used_sources = set()
    for kind, (manager_name, label) in ITEM_KINDS.items():
        manager = getattr(campaign, manager_name)
        for item in manager.select_related("source__document").order_by("id"):
            source = item.source
            if source is not None:
                used_sources.add(source.pk)
            review.items.append(
                ReviewItem(
                    kind=kind,
                    label=str(label),
                    item=item,
                    title=str(item),
                    detail=_item_detail(kind, item),
                    recipients=_item_recipients(kind, item),
                    recipients_label=_("Donation page:") if kind == "donation" else _("To:"),
                    change_url=_change_url(item, campaign),
                    source=source,
                    accepted=source is None
                    or decisions.get(call_to_action_fingerprint(source))
                    == DraftDecision.Decision.ACCEPTED,
                )
            )
    actions = campaign.calls_to_action.select_related("document").exclude(pk__in=used_sources)
    review.not_drafted = [
        (
            action,
            decisions.get(call_to_action_fingerprint(action)) == DraftDecision.Decision.DISMISSED,
        )
        for action in actions.order_by("document__file_name", "evidence_start")
    ]
    return review


def _item_detail(kind: str, item) -> str:
    if kind == "petition":
        return item.demand
    if kind == "letter":
        return item.subjects[0] if item.subjects else ""
    if kind == "call_page":
        return item.script
    return item.ask


def _item_recipients(kind: str, item) -> list[str]:
    if kind == "petition":
        return [item.addressed_to] if item.addressed_to else []
    if kind == "letter":
        # The template says whom it writes to (campaign does not import the letters app).
        mp = [_("the supporter's MP")] if item.writes_to_mp else []
        targets = [str(target) for target in item.targets.all()] if item.writes_to_targets else []
        return [*mp, *targets]
    if kind == "call_page":
        return [str(target) for target in item.targets.all()]
    return [item.url or _("no donation URL yet: add it before publishing")]


def _change_url(item, campaign: Campaign) -> str:
    """The item's own admin page, or the campaign's where it is edited inline."""
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return reverse("admin:campaign_campaign_change", args=[campaign.pk])


# --- Re-reading a document with the current extractor --------------------------------------


@dataclass(frozen=True)
class RereadOffer:
    """A call to action the current extractor finds that the campaign has not seen before."""

    document: SourceDocument
    action: extraction.CallToAction
    fingerprint: str

    @property
    def key(self) -> str:
        """What the offer form sends back for this offer: unique across documents."""
        return f"{self.document.pk}:{self.fingerprint}"

    @property
    def kind_label(self) -> str:
        return str(CallToAction.Kind(self.action.kind).label)

    @property
    def low_confidence(self) -> bool:
        return self.action.low_confidence

    @property
    def before(self) -> str:
        start = self.action.evidence.start
        return self.document.text[max(0, start - CONTEXT_CHARS) : start]

    @property
    def after(self) -> str:
        end = self.action.evidence.end
        return self.document.text[end : end + CONTEXT_CHARS]


@dataclass(frozen=True)
class RereadResult:
    """What re-reading one document found: the offers, and the campaign they would go into."""

    document: SourceDocument
    campaign: Campaign | None
    extracted: extraction.ExtractedDocument
    offers: tuple[RereadOffer, ...]


def source_document_campaign(*, document: SourceDocument) -> Campaign | None:
    """The campaign a document's calls to action go into (as documents_import chooses it)."""
    return Campaign.objects.filter(sources=document).first()


def source_document_reread(*, document: SourceDocument) -> RereadResult:
    """Extract the stored text again with the current extractor and keep only what is new.

    Not new, so not offered: an action with the fingerprint (kind and normalised quote) of any
    call to action already recorded for the document or its campaign (drafted, accepted or
    not), or of one the campaign decided on (an organiser deleted or declined it), and one at
    the kind and start offset of an action already recorded for the document.
    """
    campaign = source_document_campaign(document=document)
    extracted = extraction.extract_document(document.text)
    if campaign is None:  # nothing to draft into, and nowhere to remember a decline
        return RereadResult(document=document, campaign=None, extracted=extracted, offers=())
    recorded = CallToAction.objects.filter(
        models.Q(document=document) | models.Q(campaign=campaign)
    )
    known = {
        action_fingerprint(kind=kind, quote=quote)
        for kind, quote in recorded.values_list("kind", "evidence_quote")
    }
    spans = set(document.calls_to_action.values_list("kind", "evidence_start"))
    known.update(campaign_decisions(campaign=campaign))
    offers = []
    for action in extracted.actions:
        fingerprint = action_fingerprint(kind=action.kind, quote=action.evidence.quote)
        if fingerprint in known or (action.kind, action.evidence.start) in spans:
            continue
        known.add(fingerprint)  # the same ask twice in one reading is offered once
        offers.append(RereadOffer(document=document, action=action, fingerprint=fingerprint))
    return RereadResult(
        document=document, campaign=campaign, extracted=extracted, offers=tuple(offers)
    )
