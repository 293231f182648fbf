"""What letters hold on a supporter, for campaign.privacy: read it, erase it, name it.

Registered in LettersConfig.ready as the "letters" holder. A letter is the supporter's when
one of its recipients carries their mailbox's key (`LetterRecipient.supporter_key`). Erasing
deletes a letter that was never confirmed (it went nowhere) and anonymises a confirmed one:
its existence, template, campaign, riding, dates and recipients stay (the letters report
counts what was sent to whom), its writer's name, address, postal code and words go.
"""

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from campaign.identities import mailbox_key as key_of
from campaign.privacy.registry import Held, Holder, LinkTarget
from letters.models import Letter, LetterRecipient

LINK_KIND = "letter"


def _letters_of(mailbox_key: str):
    mine = LetterRecipient.objects.filter(supporter_key=mailbox_key).values("letter_id")
    return Letter.objects.filter(pk__in=mine)


def _record(letter: Letter) -> dict:
    return {
        "id": letter.pk,
        "campaign": letter.campaign.slug,
        "template": letter.template.title,
        "supporter_name": letter.supporter_name,
        "supporter_email": letter.supporter_email,
        "supporter_postal_code": letter.supporter_postal_code,
        "riding": letter.riding.name_en if letter.riding else "",
        "subject": letter.subject,
        "body": letter.body,
        "send_copy": letter.send_copy,
        "newsletter_opt_in": letter.newsletter_opt_in,
        "newsletter_consent_text": letter.newsletter_consent_text,
        "newsletter_consent_at": letter.newsletter_consent_at,
        "organisation_newsletter_opt_in": letter.organisation_newsletter_opt_in,
        "organisation_newsletter_consent_text": letter.organisation_newsletter_consent_text,
        "consent_page": letter.consent_page,
        "status": letter.status,
        "created_at": letter.created_at,
        "confirmed_at": letter.confirmed_at,
        "recipients": [
            {"name": r.name, "role": r.role, "email": r.email} for r in letter.recipients.all()
        ],
    }


def letters_held(mailbox_key: str) -> Held:
    """Every letter the mailbox wrote, with its recipients, oldest first."""
    letters = list(
        _letters_of(mailbox_key)
        .select_related("campaign", "template", "riding")
        .prefetch_related("recipients")
        .order_by("created_at", "pk")
    )
    return Held(
        records=[_record(letter) for letter in letters],
        emails_for=letters,
        addresses={letter.supporter_email for letter in letters},
    )


def letters_forget(mailbox_key: str) -> int:
    """Delete the mailbox's unconfirmed letters and anonymise its confirmed ones; returns how
    many letters were touched."""
    statuses = dict(_letters_of(mailbox_key).values_list("pk", "status"))
    unconfirmed = [pk for pk, status in statuses.items() if status == Letter.Status.UNCONFIRMED]
    confirmed = [pk for pk, status in statuses.items() if status != Letter.Status.UNCONFIRMED]
    # Their recipients go with them (CASCADE).
    Letter.objects.filter(pk__in=unconfirmed).delete()
    Letter.objects.filter(pk__in=confirmed).update(
        supporter_name="",
        supporter_email="",
        supporter_postal_code="",
        subject="",
        body="",
        send_copy=False,
        text_hash="",
        newsletter_opt_in=False,
        newsletter_consent_text="",
        newsletter_consent_at=None,
        organisation_newsletter_opt_in=False,
        organisation_newsletter_consent_text="",
        consent_page="",
    )
    LetterRecipient.objects.filter(letter_id__in=confirmed).update(
        supporter_email="",
        # Unique per row and never a mailbox's key: the constraints want one, nobody is it.
        supporter_key=Concat(Value("erased-"), Cast("id", CharField())),
    )
    return len(statuses)


def letter_link_target(letter_id: int) -> LinkTarget | None:
    """Whose the letter of a removal link is, or None once it is gone or anonymised."""
    letter = Letter.objects.filter(pk=letter_id).first()
    if letter is None or not letter.supporter_email:
        return None
    return LinkTarget(
        mailbox_key=key_of(letter.supporter_email),
        description=gettext("your letter “%(subject)s”") % {"subject": letter.subject},
    )


HOLDER = Holder(
    name="letters",
    title=_("Letters"),
    held=letters_held,
    erase=letters_forget,
    link_targets={LINK_KIND: letter_link_target},
)
