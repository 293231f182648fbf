"""Writes of the campaign app: importing documents, drafting campaigns, publishing them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from campaign import extraction
from campaign.drafts.fingerprints import action_fingerprint
from campaign.drafts.selectors import call_to_action_fingerprint, campaign_dismissed_fingerprints
from campaign.models import (
    CallToAction,
    Campaign,
    DonationLink,
    Language,
    SourceDocument,
    content_hash,
)
from campaign.selectors import campaign_publish_refusals
from campaign.slugs import unique_slug


@dataclass
class ImportReport:
    """What an import created, so the command can say it and a second run can show zero."""

    documents_created: int = 0
    documents_existing: int = 0
    actions_created: int = 0
    campaign: Campaign | None = None
    campaign_created: bool = False
    drafted: list[str] = field(default_factory=list)
    # Calls to action worth drafting that gave too little to draft from, each with why.
    skipped: list[str] = field(default_factory=list)
    # The campaign is published or closed: what supporters see is not drafted into unchecked.
    drafting_skipped: bool = False
    # (file name, warning) for documents the extractor could not read as they are: one in
    # neither English nor French.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def source_document_import(
    *, file_name: str, text: str
) -> tuple[SourceDocument, extraction.ExtractedDocument, bool]:
    """Store a document (once per distinct text) and return it with its extraction.

    Returns (document, extracted, created). Extraction is pure and cheap, so it is always
    re-run; the stored document is never changed.
    """
    extracted = extraction.extract_document(text)
    document, created = SourceDocument.objects.get_or_create(
        sha256=content_hash(text),
        defaults={
            "file_name": file_name[:255],
            "title": (extracted.title or file_name)[:300],
            "published": extracted.published,
            "text": text,
            "language": extracted.language,
        },
    )
    return document, extracted, created


def calls_to_action_record(
    *, document: SourceDocument, extracted: extraction.ExtractedDocument, campaign: Campaign
) -> tuple[list[CallToAction], int]:
    """Store the document's calls to action with their evidence; returns (all, newly created).

    An action whose kind and quote (its fingerprint) the document already has at other offsets
    is that call to action, not a new one: what an upgraded extractor reads slightly
    differently is not drafted twice.
    """
    recorded, created_count = [], 0
    by_fingerprint = {
        call_to_action_fingerprint(cta): cta for cta in document.calls_to_action.all()
    }
    for action in extracted.actions:
        fingerprint = action_fingerprint(kind=action.kind, quote=action.evidence.quote)
        if fingerprint in by_fingerprint:
            recorded.append(by_fingerprint[fingerprint])
            continue
        cta, created = CallToAction.objects.get_or_create(
            document=document,
            kind=action.kind,
            evidence_start=action.evidence.start,
            defaults={
                "campaign": campaign,
                "text": action.text,
                "addressee": action.addressee[:200],
                "organisation": action.organisation[:200],
                "targets": [target.to_dict() for target in action.targets],
                "talking_points": list(action.talking_points),
                "letter_body": action.letter_body,
                "evidence_end": action.evidence.end,
                "evidence_quote": action.evidence.quote,
                "confidence": action.confidence,
            },
        )
        if cta.campaign_id is None:
            cta.campaign = campaign
            cta.save(update_fields=["campaign"])
        recorded.append(cta)
        by_fingerprint[fingerprint] = cta
        created_count += created
    return recorded, created_count


def _summary_from(text: str, title: str, limit: int = 600) -> str:
    """The document's first real paragraph (two sentences or more), cut at a sentence end."""
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph == title or len(re.findall(r"[.!?](?:\s|$)", paragraph)) < 2:
            continue
        if len(paragraph) <= limit:
            return paragraph
        cut = paragraph[:limit]
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        return cut[: end + 1] if end > 0 else cut.rstrip() + "…"
    return ""


def _actionable(actions: Sequence[CallToAction], kind: str) -> list[CallToAction]:
    """Actions of a kind worth drafting, strongest first (low-confidence ones stay as notes)."""
    # On equal confidence the fuller demand wins: "issue emergency visas to … and resettle them
    # in Canada" says more than "take steps to rescue them".
    return sorted(
        (a for a in actions if a.kind == kind and not a.is_low_confidence),
        key=lambda a: (-a.confidence, -len(a.text), a.document.file_name, a.evidence_start),
    )


@dataclass
class DraftReport:
    """What campaign_draft did: a line per item drafted now, and per action it could not draft."""

    drafted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def campaign_draft(*, campaign: Campaign, actions: Sequence[CallToAction]) -> DraftReport:
    """Draft a campaign's petition, letters, donation links and call pages from its calls to
    action.

    One petition (from the strongest petition demand), one letter to the supporter's MP, one
    letter per distinct set of named recipients, one donation link per organisation, one call
    page per call with a number to call. Each item keeps a link to the call to action it came
    from. Running it again drafts nothing new. A call the document gives no number for is not
    drafted, and `skipped` says so (every run: it stays true).
    """
    from campaign.calls.services import call_page_draft_from_action
    from letters.drafting import drafting_in
    from letters.services import letter_template_draft_from_action
    from petitions.services import petition_draft_from_action

    drafted = []
    talking_points: tuple[str, ...] = ()
    petitions = _actionable(actions, CallToAction.Kind.PETITION)
    if petitions:
        petition, created = petition_draft_from_action(campaign=campaign, action=petitions[0])
        if created:
            drafted.append(f"petition: {petition.title}")
        # A letter with no talking points of its own carries the campaign's demand.
        talking_points = (
            drafting_in(campaign.language).demand_talking_point(
                addressee=petition.addressed_to, demand=petition.demand
            ),
        )

    letters = _actionable(actions, CallToAction.Kind.LETTER_TO_MP)[:1]
    seen_target_sets = set()
    for action in _actionable(actions, CallToAction.Kind.LETTER_TO_TARGETS):
        emails = frozenset(t["email"].lower() for t in action.targets if t.get("email"))
        if emails and emails not in seen_target_sets:
            seen_target_sets.add(emails)
            letters.append(action)
    for action in letters:
        template, created = letter_template_draft_from_action(
            campaign=campaign,
            action=action,
            talking_points_fallback=talking_points,
        )
        if not created:
            continue
        if action.kind == CallToAction.Kind.LETTER_TO_MP:
            drafted.append(f"letter to the supporter's MP: {template.title}")
        else:
            drafted.append(f"letter to {template.targets.count()} recipients: {template.title}")

    for action in _actionable(actions, CallToAction.Kind.DONATE):
        if not action.organisation:
            continue
        link, created = DonationLink.objects.get_or_create(
            campaign=campaign,
            organisation=action.organisation,
            # The sentence itself says why this organisation; "Donate to X" alone does not.
            defaults={"ask": " ".join(action.evidence_quote.split()), "source": action},
        )
        if created:
            drafted.append(f"donation: {link.organisation}")

    skipped = []
    for action in _actionable(actions, CallToAction.Kind.CALL):
        page, created = call_page_draft_from_action(campaign=campaign, action=action)
        if page is None:
            quote = " ".join(action.evidence_quote.split())
            quote = quote if len(quote) <= 60 else quote[:60].rsplit(" ", 1)[0] + "…"
            skipped.append(f"call “{quote}”: the document gives no number to call")
        elif created:
            offices = page.targets.count()
            drafted.append(f"call page: {page.title} ({offices} office{'s' * (offices != 1)})")
    return DraftReport(drafted=drafted, skipped=skipped)


@transaction.atomic
def documents_import(
    *, documents: Sequence[tuple[str, str]], campaign_slug: str | None = None
) -> ImportReport:
    """Import (file name, text) pairs and draft one campaign from their calls to action.

    Idempotent: documents are keyed by their text's hash, calls to action by their evidence,
    drafted items by the call to action they came from. Drafts go only into a draft campaign:
    a published one shows its petition and letters at once (they have no state of their own),
    so there the calls to action are recorded, for the admin, and nothing is drafted.
    """
    report = ImportReport()
    imported = []
    for file_name, text in documents:
        document, extracted, created = source_document_import(file_name=file_name, text=text)
        imported.append((document, extracted))
        report.warnings.extend((file_name, warning) for warning in extracted.warnings)
        if created:
            report.documents_created += 1
        else:
            report.documents_existing += 1
    if not imported:
        return report

    campaign = _campaign_for(imported, campaign_slug, report)
    campaign.sources.add(*(document for document, _extracted in imported))

    all_actions = []
    for document, extracted in imported:
        actions, created = calls_to_action_record(
            document=document, extracted=extracted, campaign=campaign
        )
        all_actions.extend(actions)
        report.actions_created += created
    if campaign.status == Campaign.Status.DRAFT:
        # What an organiser deleted from this campaign's draft is not drafted again.
        dismissed = campaign_dismissed_fingerprints(campaign=campaign)
        all_actions = [a for a in all_actions if call_to_action_fingerprint(a) not in dismissed]
        drafted = campaign_draft(campaign=campaign, actions=all_actions)
        report.drafted, report.skipped = drafted.drafted, drafted.skipped
    else:
        report.drafting_skipped = True
    report.campaign = campaign
    return report


def _campaign_for(imported, campaign_slug: str | None, report: ImportReport) -> Campaign:
    """The named campaign, else the one these documents already belong to, else a new draft."""
    if campaign_slug:
        existing = Campaign.objects.filter(slug=campaign_slug).first()
    else:
        existing = Campaign.objects.filter(
            sources__in=[document for document, _extracted in imported]
        ).first()
    if existing:
        return existing
    # The document with the strongest calls to action names and summarises the campaign.
    lead_document, lead = max(
        imported,
        key=lambda pair: (
            sum(a.confidence for a in pair[1].actions if not a.low_confidence),
            -imported.index(pair),
        ),
    )
    report.campaign_created = True
    return Campaign.objects.create(
        slug=campaign_slug
        or unique_slug(
            lead.title or lead_document.file_name,
            taken=Campaign.objects.all(),
            fallback="campaign",
        ),
        title=(lead.title or lead_document.file_name)[:200],
        summary=_summary_from(lead_document.text, lead.title),
        # Its petition and letters are drafted in the language the lead document was read in.
        language=lead.language or Language.ENGLISH,
    )


class CampaignNotPublishable(Exception):
    """The campaign cannot be published yet: `refusals` says why, one sentence each."""

    def __init__(self, refusals: list[str]):
        super().__init__(" ".join(refusals))
        self.refusals = refusals


def campaign_publish_check(*, campaign: Campaign) -> None:
    """Raise CampaignNotPublishable when publishing would open letters that reach nobody.

    campaign_publish calls it first, so the admin, import_seeds --publish and any other way
    of publishing keep the same rule (selectors.campaign_publish_refusals).
    """
    refusals = campaign_publish_refusals(campaign=campaign)
    if refusals:
        raise CampaignNotPublishable(refusals)


@transaction.atomic
def campaign_publish(*, campaign: Campaign) -> Campaign:
    """Open a campaign to supporters: its petitions and letters take part from now on (their
    state is the campaign's), including after it was closed.

    Raises CampaignNotPublishable (nothing changed) when campaign_publish_check refuses.
    """
    from petitions.services import petition_pages_forget_for_campaign

    campaign_publish_check(campaign=campaign)

    campaign.status = Campaign.Status.PUBLISHED
    campaign.published_at = campaign.published_at or timezone.now()
    campaign.closed_at = None
    campaign.save(update_fields=["status", "published_at", "closed_at", "updated_at"])
    petition_pages_forget_for_campaign(campaign=campaign)
    return campaign


@transaction.atomic
def campaign_publish_once(*, campaign: Campaign) -> bool:
    """Publish a campaign that has never been published; returns whether it published now.

    For imports that publish what they draft (`import_seeds --publish`, run by every `make
    run`): a campaign published before has been in an organiser's hands since, so one they
    closed stays closed and one they took back to a draft stays a draft.
    """
    current = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if current.status != Campaign.Status.DRAFT or current.published_at is not None:
        campaign.status, campaign.published_at = current.status, current.published_at
        return False
    campaign_publish(campaign=campaign)
    return True


@transaction.atomic
def campaign_close(*, campaign: Campaign) -> Campaign:
    """Stop taking signatures and letters; the pages stay up with their final counts."""
    from petitions.services import petition_pages_forget_for_campaign

    campaign.status = Campaign.Status.CLOSED
    campaign.closed_at = timezone.now()
    campaign.save(update_fields=["status", "closed_at", "updated_at"])
    petition_pages_forget_for_campaign(campaign=campaign)
    return campaign
