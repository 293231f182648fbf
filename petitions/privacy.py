"""What petitions hold on a supporter, for campaign.privacy: read it, erase it, name it.

Registered in PetitionsConfig.ready as the "signatures" holder. A signature is the supporter's
when its `email_key` is their mailbox's key; erasing deletes it outright (a removed signature
no longer counts, so the counter is rebuilt), and the removal link of a confirmation email
points at its signature.
"""

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaign.privacy.registry import Held, Holder, LinkTarget
from petitions import counters, local_cache
from petitions.models import Signature

LINK_KIND = "signature"


def _record(signature: Signature) -> dict:
    return {
        "id": signature.pk,
        "petition": signature.petition.slug,
        "petition_title": signature.petition.title,
        "first_name": signature.first_name,
        "last_name": signature.last_name,
        "email": signature.email,
        "postal_code": signature.postal_code,
        "province": signature.province,
        "riding_code": signature.riding_code,
        "riding_name": signature.riding_name,
        "comment": signature.comment,
        "comment_hidden": signature.comment_hidden,
        "show_name": signature.show_name,
        "newsletter_opt_in": signature.newsletter_opt_in,
        "newsletter_consent_text": signature.newsletter_consent_text,
        "newsletter_consent_at": signature.newsletter_consent_at,
        "organisation_newsletter_opt_in": signature.organisation_newsletter_opt_in,
        "organisation_newsletter_consent_text": signature.organisation_newsletter_consent_text,
        "consent_page": signature.consent_page,
        "language": signature.language,
        "ip_hash": signature.ip_hash,
        "flag_reason": signature.flag_reason,
        "signed_at": signature.created_at,
        "confirmed_at": signature.confirmed_at,
    }


def signatures_held(mailbox_key: str) -> Held:
    """Every signature of the mailbox, with its consent, oldest first."""
    signatures = list(
        Signature.objects.filter(email_key=mailbox_key)
        .select_related("petition")
        .order_by("created_at", "pk")
    )
    return Held(
        records=[_record(s) for s in signatures],
        emails_for=signatures,
        addresses={s.email for s in signatures},
    )


def signatures_forget(mailbox_key: str) -> int:
    """Delete every signature of the mailbox; returns how many. Their petitions' counts are
    rebuilt and their cached pages dropped once the caller's transaction commits."""
    signatures = Signature.objects.filter(email_key=mailbox_key)
    petition_ids = set(signatures.values_list("petition_id", flat=True))
    deleted, _by_model = signatures.delete()

    def recount() -> None:
        for petition_id in petition_ids:
            counters.count_refresh(petition_id)
            local_cache.page_forget(petition_id=petition_id)

    transaction.on_commit(recount)
    return deleted


def signature_link_target(signature_id: int) -> LinkTarget | None:
    """Whose the signature of a removal link is, or None once it is gone or anonymised."""
    signature = Signature.objects.select_related("petition").filter(pk=signature_id).first()
    if signature is None or not signature.email:
        return None
    return LinkTarget(
        mailbox_key=signature.email_key,
        description=gettext("your signature on “%(title)s”") % {"title": signature.petition.title},
    )


HOLDER = Holder(
    name="signatures",
    title=_("Petition signatures"),
    held=signatures_held,
    erase=signatures_forget,
    link_targets={LINK_KIND: signature_link_target},
)
