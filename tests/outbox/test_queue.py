"""queue_email: a row in the caller's transaction, published only once that commits."""

import pytest
import time_machine
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaign.models import Campaign
from campaign.outbox import queue_email, selectors
from campaign.outbox.models import OutboundEmail
from letters.purposes import LetterPurpose
from petitions.purposes import PetitionPurpose
from tests.factories import CampaignFactory
from tests.factories.outbox import SuppressionFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory
from tests.outbox.columns import assert_same_columns

pytestmark = pytest.mark.django_db


def _queue(**overrides) -> OutboundEmail:
    values = {
        "to": "supporter@example.org",
        "subject": "Please confirm",
        "body_text": "Click the link.",
        "purpose": PetitionPurpose.SIGNATURE_CONFIRMATION,
    }
    return queue_email(**{**values, **overrides})


def test_it_writes_a_queued_row_with_its_message_id_fixed_at_creation():
    email = _queue()

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.QUEUED
    assert email.attempts == 0
    assert email.message_id.startswith("<") and email.message_id.endswith(">")


def test_two_rows_never_share_a_message_id():
    first = _queue()

    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundEmail.objects.filter(pk=_queue().pk).update(message_id=first.message_id)


def test_message_ids_are_kept_unique_by_one_index_with_none_for_prefix_searches():
    # Every signature queues a row: an index nothing reads would cost each one.
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, OutboundEmail._meta.db_table)
    on_message_id = [c for c in constraints.values() if c["columns"] == ["message_id"]]

    assert [c["unique"] for c in on_message_id] == [True]


def test_it_stores_the_row_as_given_with_the_defaults_of_a_new_row():
    campaign = CampaignFactory()
    before = timezone.now()

    email = _queue(
        related=campaign,
        body_html="<p>Click the link.</p>",
        reply_to="organiser@example.org",
        headers={"List-Id": "Chorus <chorus.example.org>"},
    )

    stored = OutboundEmail.objects.get(pk=email.pk)
    assert (stored.to, stored.subject, stored.body_text, stored.body_html) == (
        "supporter@example.org",
        "Please confirm",
        "Click the link.",
        "<p>Click the link.</p>",
    )
    assert stored.from_email == settings.DEFAULT_FROM_EMAIL
    assert stored.reply_to == "organiser@example.org"
    assert stored.headers == {"List-Id": "Chorus <chorus.example.org>"}
    assert stored.purpose == PetitionPurpose.SIGNATURE_CONFIRMATION
    assert stored.related == campaign
    assert stored.message_id == email.message_id
    assert (stored.status, stored.attempts, stored.last_error) == (
        OutboundEmail.Status.QUEUED,
        0,
        "",
    )
    assert before <= stored.created_at <= timezone.now()
    assert before <= stored.next_attempt_at <= timezone.now()
    assert (stored.lease_expires_at, stored.sent_at, stored.esp_message_id) == (None, None, "")
    assert stored.pacing_slot_reserved is False


def test_it_writes_every_column_exactly_as_the_orm_would():
    # queue_email inserts with hand-written SQL built from the model's fields; this compares
    # every column (new ones included) with a row the ORM creates from the same input.
    campaign = CampaignFactory()
    given = {
        "to": "supporter@example.org",
        "subject": "Please confirm",
        "body_text": "Click the link.",
        "body_html": "<p>Click the link.</p>",
        "reply_to": "organiser@example.org",
        "headers": {"List-Id": "Chorus <chorus.example.org>"},
        "purpose": PetitionPurpose.SIGNATURE_CONFIRMATION,
    }
    with time_machine.travel(timezone.now(), tick=False):
        queued = queue_email(**given, related=campaign)
        created = OutboundEmail.objects.create(
            **given,
            from_email=settings.DEFAULT_FROM_EMAIL,
            related_type=ContentType.objects.get_for_model(campaign),
            related_id=campaign.pk,
            message_id="<orm@example.org>",
        )

    assert_same_columns(OutboundEmail, queued.pk, created.pk, differing={"id", "message_id"})
    assert OutboundEmail.objects.get(pk=queued.pk).message_id == queued.message_id


def test_it_publishes_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email = _queue()
        assert mail.outbox == []

    assert len(callbacks) == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert mail.outbox[0].extra_headers["Message-ID"] == email.message_id


def test_it_leaves_no_row_and_publishes_nothing_when_the_transaction_rolls_back(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _queue()
        raise RuntimeError("the supporter's row could not be saved")

    assert callbacks == []
    assert not OutboundEmail.objects.exists()
    assert mail.outbox == []


def test_it_strips_newlines_from_header_values():
    email = _queue(subject="Hello\nBcc: everyone@example.org", reply_to="a@example.org\n")

    assert email.subject == "Hello Bcc: everyone@example.org"
    assert email.reply_to == "a@example.org"


@pytest.mark.parametrize("to", ["not-an-address", "a@example.org, b@example.org", ""])
def test_it_refuses_anything_but_one_valid_address(to):
    with pytest.raises(ValidationError):
        _queue(to=to)

    assert not OutboundEmail.objects.exists()


def test_it_creates_a_cancelled_row_for_a_suppressed_address(django_capture_on_commit_callbacks):
    SuppressionFactory(address="supporter@example.org")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email = _queue(to="Supporter@Example.org")

    assert callbacks == []
    assert email.status == OutboundEmail.Status.CANCELLED
    assert "suppressed" in email.last_error
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.CANCELLED
    assert email.last_error == "Not sent: the address is suppressed (Bounced)."
    assert mail.outbox == []


def test_it_links_the_email_to_the_object_it_serves():
    campaign = CampaignFactory()
    first = _queue(related=campaign)
    second = _queue(related=campaign, to="other@example.org")
    _queue(to="unrelated@example.org")

    assert list(selectors.emails_for(campaign)) == [first, second]


def test_it_renders_templated_emails_from_the_three_templates(tmp_path, settings):
    folder = tmp_path / "emails"
    folder.mkdir()
    (folder / "hello-subject.txt").write_text("Hello {{ name }}\n")
    (folder / "hello-body.txt").write_text("Dear {{ name }},")
    (folder / "hello-body.html").write_text("<p>Dear {{ name }},</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]

    email = queue_email(
        template="hello",
        context={"name": "Ada"},
        to="ada@example.org",
        purpose=LetterPurpose.LETTER_COPY,
        reply_to="organiser@example.org",
    )

    assert (email.subject, email.body_text) == ("Hello Ada", "Dear Ada,")
    assert email.body_html == "<p>Dear Ada,</p>"
    assert email.reply_to == "organiser@example.org"


# --- One way in: what queue_email is told, and what it refuses ------------------------------


def test_it_refuses_a_purpose_no_app_registered():
    with pytest.raises(ValueError, match="No app registered the email purpose 'receipt'"):
        _queue(purpose="receipt")

    assert not OutboundEmail.objects.exists()


@pytest.mark.parametrize(
    "given",
    [
        {"body_text": ""},  # no text and no template
        {"template": "hello", "context": {}},  # a context with text of its own
        {"subject": "", "body_text": "", "context": {"name": "Ada"}},  # a context, no template
        {"conflict": "signature_unique_email_per_petition"},  # conflict without with_row
    ],
)
def test_it_refuses_a_mix_that_does_not_say_what_the_email_is(given):
    with pytest.raises(ValueError):
        _queue(**given)

    assert not OutboundEmail.objects.exists()


def test_a_template_rendered_when_sent_is_stored_without_text(django_capture_on_commit_callbacks):
    petition = PetitionFactory()
    signature = SignatureFactory(petition=petition)

    email = queue_email(
        to="ana@example.org",
        purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
        template="petition-confirm",
        related=signature,
    )

    email.refresh_from_db()
    assert (email.template, email.subject, email.body_text) == ("petition-confirm", "", "")
    assert email.related == signature


def test_an_email_written_with_its_row_is_one_statement_and_points_at_the_row(
    django_capture_on_commit_callbacks,
):
    CampaignFactory(slug="warm")  # the content type is cached; the statement prepared below
    queue_email(**_TEXT, with_row=CampaignFactory.build(slug="first"))
    campaign = CampaignFactory.build(slug="visas")

    with (
        django_capture_on_commit_callbacks() as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        email = queue_email(**_TEXT, with_row=campaign)

    assert len(queries) == 1
    assert len(callbacks) == 1
    assert Campaign.objects.get(slug="visas").pk == campaign.pk
    assert list(selectors.emails_for(campaign)) == [email]


def test_a_row_that_breaks_a_unique_constraint_writes_nothing_without_a_conflict_to_find():
    CampaignFactory(slug="visas")

    with pytest.raises(IntegrityError):
        queue_email(**_TEXT, with_row=CampaignFactory.build(slug="visas"))

    assert not OutboundEmail.objects.exists()


def test_with_a_conflict_the_earlier_row_gets_the_email_with_the_other_template():
    petition = PetitionFactory()
    earlier = SignatureFactory(petition=petition, email="ana@example.org", email_key="ana")
    again = SignatureFactory.build(petition=petition, email="ana@example.org", email_key="ana")

    email = queue_email(
        to="ana@example.org",
        purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
        template="petition-confirm",
        with_row=again,
        conflict="signature_unique_email_per_petition",
        again_template="petition-confirm-again",
    )

    email.refresh_from_db()
    assert (email.related, email.template) == (earlier, "petition-confirm-again")
    assert again.pk is None


def test_an_email_not_to_be_sent_is_written_cancelled_with_its_reason_and_never_published(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        email = _queue(not_sent_reason="Not sent: a test.")

    assert callbacks == []
    email.refresh_from_db()
    assert (email.status, email.last_error) == (OutboundEmail.Status.CANCELLED, "Not sent: a test.")
    assert mail.outbox == []


_TEXT = {
    "to": "ana@example.org",
    "subject": "Hello",
    "body_text": "Hello.",
    "purpose": PetitionPurpose.SIGNATURE_CONFIRMATION,
}
