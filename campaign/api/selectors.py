"""Reads of the API: one queryset per resource, what an organisation's system may see of it.

Every list is ordered by its modified time, then id, oldest first: `order_by(<time>, "pk")`,
the key a cursor reads on from (campaign.api.pagination); the large tables have an index on
it. Each is narrowed by the request's TimeWindow. Supporters appear only through confirmed
actions: an unconfirmed signature or letter never does, nor a signature flagged as abuse, nor
the writer of a letter whose data was erased (campaign.privacy keeps the letter, not the
writer).
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from campaign.api.time_window import TimeWindow
from campaign.models import Call, Campaign
from campaign.outbox import OutboundEmail
from letters.models import Letter, LetterRecipient
from petitions.models import COUNTED, Petition, Signature


def campaign_list(*, window: TimeWindow) -> QuerySet[Campaign]:
    """Every campaign, drafts included (the organisation's own systems see its plans)."""
    campaigns = Campaign.objects.order_by("updated_at", "pk")
    return window.apply(campaigns, created="created_at", modified="updated_at")


def petition_list(*, window: TimeWindow) -> QuerySet[Petition]:
    """Every petition with its count of counted signatures. A petition keeps no time of
    change: its `modified` is its creation."""
    petitions = (
        Petition.objects.select_related("campaign")
        .annotate(
            signature_count=Count(
                "signatures",
                filter=Q(signatures__confirmed_at__isnull=False, signatures__is_flagged=False),
            )
        )
        .order_by("created_at", "pk")
    )
    return window.apply(petitions, created="created_at", modified="created_at")


def signature_list(*, window: TimeWindow) -> QuerySet[Signature]:
    """Confirmed, unflagged signatures. `modified` is the confirmation: that is when a
    signature enters the API."""
    signatures = (
        Signature.objects.filter(COUNTED).select_related("petition").order_by("confirmed_at", "pk")
    )
    return window.apply(signatures, created="created_at", modified="confirmed_at")


def outreach_list(*, window: TimeWindow) -> QuerySet[Letter]:
    """Confirmed letters with their recipients (never the text). `modified` is the
    confirmation, when the letter was queued to its recipients."""
    letters = (
        Letter.objects.filter(confirmed_at__isnull=False)
        .select_related("template", "riding")
        .prefetch_related(Prefetch("recipients", LetterRecipient.objects.order_by("pk")))
        .order_by("confirmed_at", "pk")
    )
    return window.apply(letters, created="created_at", modified="confirmed_at")


def outreach_deliveries(letters: list[Letter]) -> dict[str, OutboundEmail]:
    """The outbox row carrying each recipient's copy of `letters`, by Message-ID (one query):
    its status is the truth about whether the letter went."""
    message_ids = [r.message_id for letter in letters for r in letter.recipients.all()]
    emails = OutboundEmail.objects.filter(message_id__in=[m for m in message_ids if m]).only(
        "message_id", "status", "sent_at"
    )
    return {email.message_id: email for email in emails}


def call_list(*, window: TimeWindow) -> QuerySet[Call]:
    """Every "I called" press, one per supporter and office, with its page and office."""
    calls = Call.objects.select_related("page", "target").order_by("created_at", "pk")
    return window.apply(calls, created="created_at", modified="created_at")
