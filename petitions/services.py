"""Writes of the petitions app: signing, confirming, moderating, and the petition lifecycle.

Every function is keyword-only and named `<entity>_<action>`. Views call exactly one of them.
"""

import datetime
import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat, Substr
from django.utils import timezone

from campaign.consent.services import consents_give_ticked
from campaign.directory.lookup import local_ridings_for_postal_code
from campaign.identities import mailbox_key
from campaign.models import CallToAction, Campaign
from campaign.outbox import broker_breaker, queue_email
from campaign.postal_codes import fsa_of, province_of
from campaign.slugs import unique_slug
from campaign.webhooks import events
from campaign.webhooks.services import timestamp as webhook_timestamp
from campaign.webhooks.services import webhook_emit
from petitions import counters, local_cache
from petitions.addresses import ip_hash
from petitions.emails import AGAIN_TEMPLATE, CONFIRMATION_TEMPLATE
from petitions.models import SIGNATURE_UNIQUE_CONSTRAINT, Petition, Signature
from petitions.purposes import PetitionPurpose
from petitions.target_updates import target_update_due

log = logging.getLogger(__name__)


class PetitionClosed(Exception):
    """The petition no longer (or not yet) accepts signatures or confirmations."""


@dataclass(frozen=True)
class SignatureInput:
    """What a supporter submitted, already validated by the sign form."""

    first_name: str
    last_name: str
    email: str
    postal_code: str
    comment: str = ""
    show_name: bool = False
    # Consent to the campaign's updates, and the sentence shown beside its box.
    newsletter_opt_in: bool = False
    newsletter_consent_text: str = ""
    # Consent to the organisation's newsletter (the second box, when it is offered).
    organisation_newsletter_opt_in: bool = False
    organisation_newsletter_consent_text: str = ""
    consent_page: str = ""
    language: str = ""
    # The `?source=` code the signer came by (campaign.sharing.source_clean), or "".
    source: str = ""
    # The hidden field only a bot fills in.
    honeypot_filled: bool = False


# --- Signing ---------------------------------------------------------------------------------


def _riding_of(postal_code: str) -> tuple[str, str]:
    """(code, name) of the riding when the local directory is certain of it, else ("", "").

    Only the directory's local FSA table is consulted (never the network: signing must stay
    fast when a campaign goes viral), and its answer is remembered per FSA for a few minutes.
    An FSA spanning several ridings leaves the riding unknown.
    """
    fsa = fsa_of(postal_code)
    riding = local_cache.riding_get(fsa=fsa)
    if riding is not None:
        return riding
    try:
        ridings = local_ridings_for_postal_code(postal_code)
    except Exception:
        log.warning("petitions: local riding lookup failed; riding left unknown")
        return "", ""
    riding = ("", "")
    if len(ridings) == 1:
        riding = (str(ridings[0].code)[:10], str(ridings[0].name_en)[:200])
    local_cache.riding_set(fsa=fsa, riding=riding)
    return riding


# Where a honeypot submission's email row ends: written like any other (the request must look
# the same), never sent.
HONEYPOT_NOT_SENT = "Not sent: the submission filled the field only robots see."


def signature_create(
    *,
    petition: Petition,
    data: SignatureInput,
    ip: str = "",
) -> None:
    """Sign `petition`: one statement writes an unconfirmed Signature and its confirmation
    email, or, when the mailbox (campaign.identities.mailbox_key) has signed already, finds
    that signature and writes an email row for it instead (queue_email's `with_row` and
    `conflict`).

    The request does the same work, in the same statement, and returns nothing either way:
    what a second signing gets is decided by the worker that renders its row
    (emails.again_decide): the confirmation again while the first signature is unconfirmed,
    unflagged and under PETITIONS_MAX_CONFIRMATION_SENDS emails, else nothing. So neither the
    page nor its time tells anyone whether an address signed (issue "7/10 Hardening",
    item 3). The unique constraint decides between simultaneous signings: one signature.

    A new signature that filled the honeypot is stored flagged and never counted; its email
    row (and that of any honeypot submission) is written cancelled, so nothing is sent. Any
    other new signature is counted against its address's limit by the worker that sends its
    confirmation (rate_limits.signatures_check). Raises PetitionClosed unless the petition is
    open (its campaign is published).
    """
    if not petition.is_open:
        raise PetitionClosed(petition)
    flag_reason = Signature.FlagReason.HONEYPOT if data.honeypot_filled else ""
    flagged = bool(flag_reason)
    riding_code, riding_name = _riding_of(data.postal_code)
    signature = Signature(
        petition=petition,
        first_name=data.first_name,
        last_name=data.last_name,
        email=data.email,
        email_key=mailbox_key(data.email),
        postal_code=data.postal_code,
        province=province_of(data.postal_code),
        riding_code=riding_code,
        riding_name=riding_name,
        comment=data.comment,
        show_name=data.show_name,
        newsletter_opt_in=data.newsletter_opt_in,
        newsletter_consent_text=data.newsletter_consent_text if data.newsletter_opt_in else "",
        newsletter_consent_at=timezone.now() if data.newsletter_opt_in else None,
        organisation_newsletter_opt_in=data.organisation_newsletter_opt_in,
        organisation_newsletter_consent_text=(
            data.organisation_newsletter_consent_text if data.organisation_newsletter_opt_in else ""
        ),
        consent_page=data.consent_page[:300],
        language=data.language[:8],
        source=data.source[:40],
        ip_hash=ip_hash(ip=ip, salt=petition.ip_salt),
        flag_reason=flag_reason,
        confirmation_sends=0 if flagged else 1,
        rate_limit_pending=not flagged,
    )
    # Rendered by the worker that sends it (petitions/emails.py): nothing to render here.
    email = queue_email(
        to=signature.email,
        purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
        template=CONFIRMATION_TEMPLATE,
        with_row=signature,
        conflict=SIGNATURE_UNIQUE_CONSTRAINT,
        again_template=AGAIN_TEMPLATE,
        not_sent_reason=HONEYPOT_NOT_SENT if flagged else "",
    )
    # The same line either way (ids only, never the address): the log must not tell either.
    log.info("petitions: signing on petition %s queued email %s", petition.pk, email.pk)


# --- Confirming ------------------------------------------------------------------------------


# What confirming reads: the signature's state and the consent it showed, and of its petition
# and campaign what the open check, the count, the event and the redirect need. Every column
# of the three tables was a third of a confirm POST's time (py-spy, the spike bench); a field
# left out here costs a query when read (tests/petitions/test_confirm.py counts them).
_CONFIRM_READS = (
    "confirmed_at",
    "email",
    "flag_reason",
    "is_flagged",
    "newsletter_opt_in",
    "newsletter_consent_text",
    "organisation_newsletter_opt_in",
    "organisation_newsletter_consent_text",
    "language",
    "consent_page",
    "petition__slug",
    "petition__target_email",
    "petition__target_update_every",
    "petition__target_updated_count",
    "petition__campaign__status",
    "petition__campaign__slug",
)


@dataclass(frozen=True)
class ConfirmOutcome:
    """The confirmed signature, and whether this call confirmed it (False: it already was)."""

    signature: Signature
    newly_confirmed: bool


def signature_confirm(*, signature_id: int) -> ConfirmOutcome:
    """Confirm a signature once; confirming again changes nothing.

    Raises Signature.DoesNotExist for an unknown id and PetitionClosed (carrying the petition)
    when the petition is no longer open (its campaign is not published). One conditional
    UPDATE decides which request confirmed: only that one adds one to the count, and only if
    the signature is not flagged. A signer who ticked a consent box (the campaign's updates,
    the organisation's newsletter) has each consent written to the ledger (campaign.consent) in
    the same transaction: the confirmation link is the double opt-in CASL's express consent
    rests on; the wording is the one stored at signing. It commits together with the
    `signature.confirmed` webhook rows (campaign.webhooks, sent after commit, naming the scopes
    consented to): neither exists without the other.
    """
    signature = (
        Signature.objects.select_related("petition__campaign")
        .only(*_CONFIRM_READS)
        .get(pk=signature_id)
    )
    if signature.confirmed_at is not None:
        return ConfirmOutcome(signature=signature, newly_confirmed=False)
    if not signature.petition.is_open:
        raise PetitionClosed(signature.petition)
    now = timezone.now()
    with transaction.atomic():
        updated = Signature.objects.filter(pk=signature.pk, confirmed_at__isnull=True).update(
            confirmed_at=now
        )
        if not updated:
            return ConfirmOutcome(signature=signature, newly_confirmed=False)
        signature.confirmed_at = now
        _emit_confirmed(signature, consents=_consent_record(signature))
    if not signature.is_flagged:
        petition = signature.petition
        # Straight away outside a transaction; after commit inside one.
        transaction.on_commit(lambda: _count_confirmed(petition))
    log.info("petitions: signature %s confirmed", signature.pk)
    return ConfirmOutcome(signature=signature, newly_confirmed=True)


def _consent_record(signature: Signature) -> list[str]:
    """The signer's consents, as they were shown when they signed (each box ticked); returns
    the scopes."""
    given = consents_give_ticked(
        address=signature.email,
        campaign_id=signature.petition.campaign_id,
        updates_wording=signature.newsletter_consent_text if signature.newsletter_opt_in else None,
        newsletter_wording=(
            signature.organisation_newsletter_consent_text
            if signature.organisation_newsletter_opt_in
            else None
        ),
        language=signature.language,
        page=signature.consent_page,
        source=f"signature:{signature.pk}",
        at=signature.confirmed_at,
    )
    return [event.scope for event in given]


def _emit_confirmed(signature: Signature, *, consents: list[str]) -> None:
    """The `signature.confirmed` event: ids, dates and the scopes consented to (as written to
    the ledger); the address only to endpoints allowed personal data (campaign.webhooks)."""
    petition = signature.petition
    webhook_emit(
        event=events.SIGNATURE_CONFIRMED,
        data={
            "signature_id": signature.pk,
            "petition": petition.slug,
            "campaign": petition.campaign.slug,
            "confirmed_at": webhook_timestamp(signature.confirmed_at),
            "counted": not signature.is_flagged,
            "consents": consents,
        },
        personal={"email": signature.email},
        occurred_at=signature.confirmed_at,
    )


def _count_confirmed(petition: Petition) -> None:
    """Bump the public count; when it reaches the petition's next progress email, leave that
    email to a worker (target_updates: it recounts, and sends each multiple once)."""
    count = counters.count_increment(petition.pk)
    if count is None or not target_update_due(petition=petition, count=count):
        return
    from petitions.tasks import send_target_update

    if broker_breaker.is_open():
        return  # the periodic count rebuild sends it instead
    try:
        send_target_update.apply_async(args=[petition.pk], retry=False)
    except Exception as error:
        broker_breaker.trip()
        log.warning(
            "petitions: could not publish the target update of petition %s (%s)",
            petition.pk,
            type(error).__name__,
        )


# --- Moderation ------------------------------------------------------------------------------


def signature_comments_hide(*, signature_ids: list[int], hidden: bool = True) -> int:
    """Hide (or show again) the comments of these signatures; returns how many changed."""
    changed = Signature.objects.filter(pk__in=signature_ids).exclude(comment_hidden=hidden)
    petition_ids = set(changed.values_list("petition_id", flat=True))
    count = changed.update(comment_hidden=hidden)
    for petition_id in petition_ids:
        local_cache.page_forget(petition_id=petition_id)
    return count


def signature_unflag(*, signature_ids: list[int]) -> int:
    """Clear the flag of signatures an organiser judged genuine and send their confirmation.

    Already-confirmed ones start counting at once (the counter is rebuilt)."""
    unflagged = 0
    petition_ids = set()
    for signature in Signature.objects.filter(pk__in=signature_ids, is_flagged=True).select_related(
        "petition__campaign"
    ):
        with transaction.atomic():
            updated = Signature.objects.filter(pk=signature.pk, is_flagged=True).update(
                flag_reason=""
            )
            if not updated:
                continue
            unflagged += 1
            petition_ids.add(signature.petition_id)
            if signature.confirmed_at is None and signature.petition.is_open:
                Signature.objects.filter(pk=signature.pk).update(
                    confirmation_sends=F("confirmation_sends") + 1
                )
                queue_email(
                    to=signature.email,
                    purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
                    template=CONFIRMATION_TEMPLATE,
                    related=signature,
                )
    for petition_id in petition_ids:
        counters.count_refresh(petition_id)
    return unflagged


# --- Petitions -------------------------------------------------------------------------------

# How documents name the federal government; a petition addresses it by its proper name, in
# the campaign's language.
_GOVERNMENT_OF_CANADA = {"en": "the Government of Canada", "fr": "le gouvernement du Canada"}
_GOVERNMENT_PHRASES = {
    "en": re.compile(
        r"^(?:the\s+)?(?:"
        r"(?:canadian|federal|liberal|conservative|trudeau|carney|harper)\s+government"
        r"|government\s+of\s+canada|canada(?:'s)?\s+government|canadian\s+federal\s+government"
        r"|federal\s+liberal\s+government|ottawa|canada"
        r")\.?$",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:(?:le|au)\s+)?(?:"
        r"gouvernement\s+(?:du\s+canada|canadien|fédéral|libéral|conservateur|"
        r"trudeau|carney|harper)|gouvernement\s+fédéral\s+(?:du\s+canada|canadien)"
        r"|ottawa|canada"
        r")\.?$",
        re.IGNORECASE,
    ),
}
_PETITION = {"en": "Petition", "fr": "Pétition"}


def addressee_normalise(addressee: str, *, language: str = "en") -> str:
    """`the Canadian government`, `Ottawa`, `the Liberal government` → `the Government of Canada`
    (in French, `le gouvernement fédéral` → `le gouvernement du Canada`).

    Anything else (a named minister, a foreign government) is kept as written, tidied."""
    language = language if language in _GOVERNMENT_OF_CANADA else "en"
    text = " ".join(addressee.split()).strip(" .,;:")
    if not text or _GOVERNMENT_PHRASES[language].match(text):
        return _GOVERNMENT_OF_CANADA[language]
    return text[:200]


def _title_from_demand(demand: str, *, language: str = "en") -> str:
    """The demand in sentence case (the first letter only: "Protéger l'habitat du caribou"),
    cut at a word within 120 characters."""
    text = " ".join(demand.split()).strip(" .;:")
    if not text:
        return _PETITION.get(language, _PETITION["en"])
    text = text[0].upper() + text[1:]
    if len(text) <= 120:
        return text
    cut = text[:120].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def petition_draft_from_action(
    *, campaign: Campaign, action: CallToAction
) -> tuple[Petition, bool]:
    """A petition of `campaign` built from a petition call to action, and whether it was
    created now (False: the campaign already had one from this action). Like everything
    drafted, it is seen only once the campaign is published."""
    existing = Petition.objects.filter(campaign=campaign, source=action).first()
    if existing is not None:
        return existing, False
    demand = " ".join(action.text.split())
    # Drafted in the campaign's language, the demand as the document wrote it.
    title = _title_from_demand(demand, language=campaign.language)
    petition = Petition.objects.create(
        campaign=campaign,
        slug=unique_slug(title, taken=Petition.objects.all(), fallback="petition"),
        title=title[:200],
        demand=demand[0].upper() + demand[1:] if demand else title,
        addressed_to=addressee_normalise(action.addressee, language=campaign.language),
        source=action,
    )
    return petition, True


def petition_pages_forget_for_campaign(*, campaign: Campaign) -> None:
    """Once the campaign's change commits, drop this process's copies of its petitions' pages
    and rows, which show (and decide) whether they are open. Other processes expire on time."""
    ids = list(Petition.objects.filter(campaign=campaign).values_list("pk", flat=True))

    def forget() -> None:
        for petition_id in ids:
            local_cache.page_forget(petition_id=petition_id)

    transaction.on_commit(forget)


# --- Retention -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeOutcome:
    """How many signatures each retention rule of signature_purge_expired touched."""

    unconfirmed_deleted: int
    ip_hashes_cleared: int
    anonymised: int


def signature_purge_expired() -> PurgeOutcome:
    """Apply the retention periods the privacy notice promises.

    - unconfirmed signatures are deleted PETITIONS_UNCONFIRMED_DAYS after signing;
    - IP hashes are cleared PETITIONS_IP_HASH_DAYS after signing;
    - PETITIONS_RETENTION_AFTER_CLOSE_DAYS after a campaign closes, its signatures keep only
      what the published counts need (province, riding, dates): names, address, postal code
      beyond its first three characters, comment and consent are erased.
    """
    now = timezone.now()
    days = datetime.timedelta
    deleted, _ = Signature.objects.filter(
        confirmed_at__isnull=True,
        created_at__lt=now - days(days=settings.PETITIONS_UNCONFIRMED_DAYS),
    ).delete()
    cleared = (
        Signature.objects.filter(created_at__lt=now - days(days=settings.PETITIONS_IP_HASH_DAYS))
        .exclude(ip_hash="")
        .update(ip_hash="")
    )
    expired = Signature.objects.filter(
        petition__campaign__closed_at__lt=now
        - days(days=settings.PETITIONS_RETENTION_AFTER_CLOSE_DAYS),
    ).exclude(email="")
    anonymised = expired.update(
        first_name="",
        last_name="",
        email="",
        email_key=Concat(Value("anonymised-"), Cast("id", CharField())),
        postal_code=Substr("postal_code", 1, 3),
        comment="",
        show_name=False,
        newsletter_opt_in=False,
        newsletter_consent_text="",
        newsletter_consent_at=None,
        organisation_newsletter_opt_in=False,
        organisation_newsletter_consent_text="",
        ip_hash="",
    )
    log.info(
        "petitions: purge deleted %s unconfirmed, cleared %s IP hashes, anonymised %s",
        deleted,
        cleared,
        anonymised,
    )
    return PurgeOutcome(deleted, cleared, anonymised)
