"""Writes of the letters app: drafting templates, submitting and confirming letters."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connections, router, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from campaign.consent.services import consents_give_ticked
from campaign.directory.models import Riding
from campaign.directory.selectors import office_for_role
from campaign.identities import mailbox_key, validate_name_text
from campaign.languages import site_language
from campaign.models import CallToAction, Campaign, Target
from campaign.outbox import queue_email
from campaign.privacy.links import removal_url
from campaign.raw_inserts import insert_values, insertable_fields
from campaign.slugs import unique_slug
from letters import privacy
from letters.composing import (
    SUBJECT_MAX_LENGTH,
    Recipient,
    fingerprint,
    letter_draft,
    letter_message_for,
    letter_subject_shown,
    letter_subjects,
    letter_versions,
    name_marker,
    postal_code_marker,
    replace_markers,
)
from letters.drafting import drafting_in
from letters.emails import CONFIRMATION_TEMPLATE
from letters.models import Letter, LetterRecipient, LetterTemplate
from letters.purposes import LetterPurpose

log = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100
BODY_MIN_LENGTH = 50
BODY_MAX_LENGTH = 8000

_TARGET_KINDS = {choice for choice, _label in Target.Kind.choices}


# --- Drafting templates from a document's call to action -----------------------------------


def _target_kind(value: str) -> str:
    value = (value or "").strip().lower().replace(" ", "_")
    return value if value in _TARGET_KINDS else Target.Kind.OTHER


def _is_federal_address(email: str) -> bool:
    """An address of the Government or Parliament of Canada (…@parl.gc.ca, …@canada.gc.ca)."""
    domain = email.rpartition("@")[2].lower()
    return domain == "gc.ca" or domain.endswith(".gc.ca")


def _target_for(*, campaign: Campaign, action: CallToAction, found: dict) -> Target | None:
    """The campaign's Target for one recipient a document names (created if new), or None.

    "the Minister of Foreign Affairs (Chrystia.Freeland@parl.gc.ca)" becomes a target by role
    when the directory knows the office (office_for_role): letters go to its holder when they
    are written, and the person and address the document gave are kept only to warn the
    organiser if they are out of date. A role given with an address outside the Government of
    Canada ("the Prime Minister (pm@example.gov.uk)") is another country's office, and stays a
    fixed recipient, as does any role the directory does not know.
    """
    email = str(found.get("email") or "").strip()
    if not email:
        return None
    details = {
        "kind": _target_kind(str(found.get("kind") or "")),
        "phone": str(found.get("phone") or "")[:40],
        "postal_address": str(found.get("postal_address") or ""),
        "organisation": str(found.get("organisation") or "")[:200],
        "source": action,
    }
    role = str(found.get("role") or "")
    office = office_for_role(role) if role and _is_federal_address(email) else None
    if office is not None:
        target, _created = Target.objects.get_or_create(
            campaign=campaign,
            office=office,
            defaults={
                **details,
                "role": office.title_en[:200],
                "document_name": str(found.get("name") or "")[:200],
                "document_email": email,
            },
        )
        return target
    target, _created = Target.objects.get_or_create(
        campaign=campaign,
        email=email,
        office=None,
        defaults={
            **details,
            "name": str(found.get("name") or "")[:200],
            "role": role[:200],
        },
    )
    return target


def letter_template_draft_from_action(
    *,
    campaign: Campaign,
    action: CallToAction,
    talking_points_fallback: tuple[str, ...] | list[str] = (),
) -> tuple[LetterTemplate, bool]:
    """Draft a letter template of `campaign` from a letter call to action, and say whether it
    was created now (False: the campaign already had one from this action).

    `letter_to_mp` gives a template for the supporter's MP; `letter_to_targets` also creates
    the campaign's Targets from `action.targets` (those with an email; existing ones, matched by
    email, are reused) and links them. The organiser reviews the draft before publishing.

    Talking points are what the letter says; advice to the supporter ("say in your own words
    why…") is not one: the write page shows it beside the letter, so it never reaches a recipient.
    """
    existing = LetterTemplate.objects.filter(campaign=campaign, source=action).first()
    if existing is not None:
        return existing, False
    if action.kind == CallToAction.Kind.LETTER_TO_MP:
        kind = LetterTemplate.Kind.MP
    elif action.kind == CallToAction.Kind.LETTER_TO_TARGETS:
        kind = LetterTemplate.Kind.TARGETS
    else:
        raise ValueError(f"call to action {action.pk} is not a letter ({action.kind})")

    # Worded in the campaign's language: letters.drafting, or letters.drafting_fr.
    wording = drafting_in(campaign.language)
    talking_points = wording.first_person_points(action)
    with transaction.atomic():
        targets: list[Target] = []
        if kind == LetterTemplate.Kind.TARGETS:
            for found in action.targets or []:
                target = _target_for(campaign=campaign, action=action, found=found)
                if target is not None:
                    targets.append(target)
        title = wording.LETTER_TITLES[kind]
        template = LetterTemplate.objects.create(
            campaign=campaign,
            slug=unique_slug(
                title, taken=LetterTemplate.objects.filter(campaign=campaign), fallback="letter"
            ),
            title=title,
            kind=kind,
            subject_variants=wording.draft_subjects(action=action, campaign=campaign),
            body=wording.draft_body(action=action, campaign=campaign),
            talking_points=talking_points or list(talking_points_fallback),
            editable=True,
            source=action,
        )
        if targets:
            template.targets.set(targets)
    return template, True


# --- Writing and sending letters ------------------------------------------------------------


class CampaignClosed(Exception):
    """The letter's campaign has closed since it was written: it is not sent."""


def has_line_break(value: str) -> bool:
    """CR, LF or any other line separator: what would let a value add an email header."""
    return "".join(value.splitlines()) != value


def letter_subject_next(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    postal_code: str,
) -> str:
    """The template's next subject variant, in rotation across supporters.

    The counter lives in the cache; if the cache is down the number of letters so far picks
    the variant instead, so rotation degrades but writing never fails.
    """
    subjects = letter_subjects(
        template=template, recipients=recipients, riding=riding, postal_code=postal_code
    )
    key = f"letters:subject-turn:{template.pk}"
    try:
        turn = cache.incr(key)
    except ValueError:  # no counter yet
        try:
            cache.add(key, 0, timeout=None)
            turn = cache.incr(key)
        except Exception:
            turn = template.letters.count() + 1
    except Exception:
        turn = template.letters.count() + 1
    return subjects[(turn - 1) % len(subjects)]


def _check_single_line(**values: str) -> None:
    errors = {
        field: _("This must be a single line.")
        for field, value in values.items()
        if has_line_break(value)
    }
    if errors:
        raise ValidationError(errors)


def letter_build(
    *,
    template: LetterTemplate,
    recipients: list[Recipient],
    riding: Riding | None,
    supporter_name: str,
    supporter_email: str,
    supporter_postal_code: str,
    subject: str = "",
    body: str = "",
    send_copy: bool = False,
    language: str = settings.LANGUAGE_CODE,
    source: str = "",
    newsletter_opt_in: bool = False,
    newsletter_consent_text: str = "",
    organisation_newsletter_opt_in: bool = False,
    organisation_newsletter_consent_text: str = "",
    consent_page: str = "",
) -> Letter:
    """The letter as it will be sent, validated but not saved (the preview shows this).

    `language` is the one the supporter writes in (the page's): the letter keeps it, and the
    emails about it and around it are in it (letter_confirm, letters.emails). `source` is the
    `?source=` code the supporter came by (campaign.sharing.source_clean), stored with it.
    `newsletter_opt_in` with the `newsletter_consent_text` shown on `consent_page` is the
    supporter's consent to the campaign's updates, recorded in the ledger on confirmation;
    `organisation_newsletter_opt_in` with its `organisation_newsletter_consent_text`, their
    consent to the organisation's newsletter, likewise.

    A locked template ignores `body` and uses its own text, and accepts only its own subjects.
    Raises ValidationError for a multi-line subject or name (header injection), a name that is
    not plain text (campaign.identities.validate_name_text) or text out of bounds.
    """
    _check_single_line(subject=subject, supporter_name=supporter_name)
    supporter_name = supporter_name.strip()
    try:
        validate_name_text(supporter_name)
    except ValidationError as error:
        raise ValidationError({"supporter_name": error.messages}) from error
    supporter_email = supporter_email.strip()
    if not recipients:
        raise ValidationError(_("This letter has no recipient."))
    if not template.editable:
        draft = {
            "template": template,
            "recipients": recipients,
            "riding": riding,
            "postal_code": supporter_postal_code,
        }
        if subject not in letter_subjects(**draft):
            subject = letter_subject_next(**draft)
        body = letter_draft(**draft)
    subject = replace_markers(subject.strip(), name_marker, supporter_name)
    subject = replace_markers(subject, postal_code_marker, supporter_postal_code)
    body = replace_markers(body.strip(), name_marker, supporter_name)
    body = replace_markers(body, postal_code_marker, supporter_postal_code)
    if not subject or len(subject) > SUBJECT_MAX_LENGTH:
        raise ValidationError({"subject": _("Give a subject of at most 200 characters.")})
    if not supporter_name or len(supporter_name) > NAME_MAX_LENGTH:
        raise ValidationError({"supporter_name": _("Give your name (at most 100 characters).")})
    if not BODY_MIN_LENGTH <= len(body) <= BODY_MAX_LENGTH:
        raise ValidationError(
            {
                "body": _("A letter is between %(min)d and %(max)d characters long.")
                % {"min": BODY_MIN_LENGTH, "max": BODY_MAX_LENGTH}
            }
        )
    campaign = template.campaign
    return Letter(
        template=template,
        campaign=campaign,
        supporter_name=supporter_name,
        supporter_email=supporter_email,
        supporter_postal_code=supporter_postal_code,
        riding=riding,
        subject=subject,
        body=body,
        send_copy=send_copy,
        language=site_language(language),
        source=source[:40],
        newsletter_opt_in=newsletter_opt_in,
        newsletter_consent_text=newsletter_consent_text if newsletter_opt_in else "",
        newsletter_consent_at=timezone.now() if newsletter_opt_in else None,
        organisation_newsletter_opt_in=organisation_newsletter_opt_in,
        organisation_newsletter_consent_text=(
            organisation_newsletter_consent_text if organisation_newsletter_opt_in else ""
        ),
        consent_page=consent_page[:300],
        test_mode=campaign.letters_in_test_mode,
        text_hash=fingerprint(
            body=body, supporter_name=supporter_name, supporter_postal_code=supporter_postal_code
        ),
    )


def letter_submit(*, recipients: list[Recipient], **letter_fields) -> Letter:
    """Save an unconfirmed letter, its recipients and its confirmation email, in one transaction.

    Takes letter_build's arguments and raises ValidationError as it does. One letter per
    mailbox per recipient per campaign (campaign.identities.mailbox_key: Gmail dots, `+tags`,
    quotes and full-width letters do not make another supporter): when the mailbox already
    wrote to any of the recipients, the recipients are not written and the letter is an
    attempt. The request does the same work either way, the same three INSERTs, and the
    supporter gets the same page: the worker rendering the email row decides whether it is
    the confirmation or a "you already wrote" notice (letters/emails.py), so nobody can type
    someone else's address and learn, even from the response time, whether they wrote.
    """
    letter = letter_build(recipients=recipients, **letter_fields)
    supporter_key = mailbox_key(letter.supporter_email)
    with transaction.atomic():
        letter.save()
        _recipients_insert_unless_written(
            [
                LetterRecipient(
                    letter=letter,
                    campaign=letter.campaign,
                    supporter_email=letter.supporter_email,
                    supporter_key=supporter_key,
                    target=recipient.target,
                    representative=recipient.representative,
                    office_holder=recipient.office_holder,
                    name=recipient.name,
                    role=recipient.role,
                    email=recipient.email,
                )
                for recipient in recipients
            ]
        )
        # Rendered by the worker (letters/emails.py): nothing to render here.
        queue_email(
            template=CONFIRMATION_TEMPLATE,
            to=letter.supporter_email,
            purpose=LetterPurpose.LETTER_CONFIRMATION,
            related=letter,
        )
    # The same line either way (ids only): the log must not tell either.
    log.info("letters: letter %s submitted (template %s)", letter.pk, letter.template_id)
    return letter


def _recipients_insert_unless_written(rows: list[LetterRecipient]) -> None:
    """INSERT every row, or none when the mailbox already wrote to any of these recipients in
    this campaign: one statement either way (`INSERT … SELECT … WHERE NOT EXISTS`).

    The unique constraint still decides between simultaneous submissions (`ON CONFLICT DO
    NOTHING` keeps the rows that do not clash); the rows are prepared as the ORM prepares them.
    """
    connection = connections[router.db_for_write(LetterRecipient)]
    quote = connection.ops.quote_name
    fields = insertable_fields(LetterRecipient)
    # Typed values: a NULL in a SELECT list has no type of its own.
    row_sql = ", ".join(f"CAST(%s AS {f.db_type(connection)})" for f in fields)

    def column(name: str) -> str:
        return quote(LetterRecipient._meta.get_field(name).column)

    params = [value for row in rows for value in insert_values(row, fields, connection)]
    params += [rows[0].campaign_id, rows[0].supporter_key, *(row.email for row in rows)]
    table = quote(LetterRecipient._meta.db_table)
    # Only names from the model's metadata are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"SELECT * FROM (VALUES {', '.join(f'({row_sql})' for _ in rows)}) AS new_rows "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {column('campaign')} = %s "
        f"AND {column('supporter_key')} = %s "
        f"AND LOWER({column('email')}) IN ({', '.join(['LOWER(%s)'] * len(rows))})) "
        f"ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def letter_confirm(*, letter: Letter) -> bool:
    """Confirm the supporter's address and queue one email per recipient (and the copy).

    Idempotent: confirming twice queues nothing more. Returns True when this call confirmed.
    A supporter who ticked a consent box (the campaign's updates, the organisation's
    newsletter) has each consent written to the ledger (campaign.consent).
    Raises CampaignClosed when the campaign no longer takes letters (campaign_close), as a
    petition refuses a late confirmation.
    """
    with transaction.atomic():
        letter = Letter.objects.select_for_update().select_related("campaign").get(pk=letter.pk)
        if letter.status != Letter.Status.UNCONFIRMED:
            return False
        if not letter.campaign.is_open:
            raise CampaignClosed(letter.pk)
        recipients = list(letter.recipients.all())
        # Whatever page confirms it, the letter and its copy go in the language it was written
        # in, and say so to the recipient's mail software (Content-Language).
        with translation.override(letter.language):
            _queue_letter_emails(letter, recipients)
        confirmed_at = timezone.now()
        Letter.objects.filter(pk=letter.pk).update(
            status=Letter.Status.CONFIRMED, confirmed_at=confirmed_at
        )
        _consent_record(letter, at=confirmed_at)
    log.info("letters: letter %s confirmed, %d recipients", letter.pk, len(recipients))
    return True


def _consent_record(letter: Letter, *, at) -> None:
    """The writer's consents, as shown when they wrote (each box ticked)."""
    consents_give_ticked(
        address=letter.supporter_email,
        campaign_id=letter.campaign_id,
        updates_wording=letter.newsletter_consent_text if letter.newsletter_opt_in else None,
        newsletter_wording=(
            letter.organisation_newsletter_consent_text
            if letter.organisation_newsletter_opt_in
            else None
        ),
        language=letter.language,
        page=letter.consent_page,
        source=f"letter:{letter.pk}",
        at=at,
    )


def _queue_letter_emails(letter: Letter, recipients: list[LetterRecipient]) -> None:
    """One message per recipient, and the supporter's copy if asked, rendered now."""
    language_header = {"Content-Language": letter.language}
    for recipient in recipients:
        message = letter_message_for(letter=letter, recipient=recipient)
        _check_single_line(subject=message["subject"], supporter_name=letter.supporter_name)
        email = queue_email(
            template="letter-message",
            context=message,
            to=message["to"],
            purpose=LetterPurpose.LETTER,
            related=letter,
            from_email=message["from_email"],
            reply_to=message["reply_to"],
            headers=language_header,
        )
        LetterRecipient.objects.filter(pk=recipient.pk).update(message_id=email.message_id)
    if letter.send_copy:
        queue_email(
            template="letter-copy",
            context={
                "letter": letter,
                "recipients": recipients,
                "subject": letter_subject_shown(letter=letter, recipients=recipients),
                "versions": letter_versions(letter=letter, recipients=recipients),
                "status_url": settings.SITE_URL + letter.get_status_url(),
                "removal_url": removal_url(kind=privacy.LINK_KIND, object_id=letter.pk),
            },
            to=letter.supporter_email,
            purpose=LetterPurpose.LETTER_COPY,
            related=letter,
            headers=language_header,
        )
