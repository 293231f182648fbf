"""Progress emails to a petition's target: the new signers, each time the count passes N.

An organiser sets `Petition.target_update_every` (0: never) and `target_email`. Confirming a
signature costs nothing more unless its counter (petitions.counters) reaches the next multiple
of N; only then, after commit, a task runs `petition_target_update_send`, which decides again
from the table. The periodic count rebuild calls it too, so a lost trigger (cache down, broker
down) is caught up within minutes.

Each multiple is emailed once, even when many confirmations cross it at once: the sender holds
the petition's row (FOR NO KEY UPDATE, which signing's foreign-key checks do not wait for)
while it compares the count with `target_updated_count`, queues the email through the outbox
and moves the mark, in one transaction. A count that jumps past several multiples (a rebuild
after an outage) sends one email for the highest.

The email lists signers confirmed since the previous one (name and riding, as on the printed
delivery list; never an address), at most TARGET_UPDATE_MAX_NAMES of them: the printed list
(petitions/delivery.py) is the complete one.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from campaign.outbox import OutboundEmail, queue_email
from petitions import delivery
from petitions.models import COUNTED, Petition, Signature
from petitions.purposes import PetitionPurpose

log = logging.getLogger(__name__)

TEMPLATE = "petition-target-update"


def target_update_due(*, petition: Petition, count: int) -> bool:
    """Whether `count` reaches the next multiple of the petition's N (cheap: no query)."""
    every = petition.target_update_every
    if not every or not petition.target_email:
        return False
    return count >= petition.target_updated_count + every


def petition_target_update_send(*, petition_id: int) -> OutboundEmail | None:
    """Queue the progress email for the highest multiple of N the count has reached, unless it
    was sent already; returns the queued email, or None when nothing was due."""
    with transaction.atomic():
        petition = (
            Petition.objects.select_for_update(no_key=True, of=("self",))
            .select_related("campaign")
            .filter(pk=petition_id)
            .first()
        )
        if petition is None:
            return None
        count = Signature.objects.filter(COUNTED, petition=petition).count()
        if not target_update_due(petition=petition, count=count):
            return None
        milestone = count - count % petition.target_update_every
        now = timezone.now()
        email = _queue(petition=petition, count=count, since=petition.target_updated_at, until=now)
        Petition.objects.filter(pk=petition.pk).update(
            target_updated_count=milestone, target_updated_at=now
        )
    log.info(
        "petitions: petition %s passed %s; target email %s queued", petition_id, milestone, email.pk
    )
    return email


def _queue(*, petition: Petition, count: int, since, until) -> OutboundEmail:
    new = Signature.objects.filter(COUNTED, petition=petition, confirmed_at__lte=until)
    if since is not None:
        new = new.filter(confirmed_at__gt=since)
    limit = settings.PETITIONS_TARGET_UPDATE_MAX_NAMES
    ridings = delivery.signers_by_riding(delivery.signers_of(new)[:limit])
    new_count = new.count()
    context = {
        "petition": petition,
        "count": count,
        "new_count": new_count,
        "ridings": ridings,
        "not_listed": max(0, new_count - limit),
        "since": since,
        "site_url": settings.SITE_URL,
    }
    with translation.override(petition.campaign.language or settings.LANGUAGE_CODE):
        return queue_email(
            template=TEMPLATE,
            context=context,
            to=petition.target_email,
            purpose=PetitionPurpose.TARGET_UPDATE,
            related=petition,
        )
