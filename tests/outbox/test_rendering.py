"""Rows queued with a template: the worker renders them as it sends them."""

import pytest
from django.core.exceptions import ValidationError

from campaign.outbox import Cancel, Send, delivery, queue_email, rendering
from campaign.outbox.models import OutboundEmail
from petitions.purposes import PetitionPurpose

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("smtp_settings")]

Status = OutboundEmail.Status
# An existing set of templates (templates/emails/petition-confirm-*), given a stand-in context.
TEMPLATE = "petition-confirm"
CONTEXT = {
    # As a Petition gives it: its title in the email's language (campaign.translations).
    "petition": {"shown": {"title": "Issue emergency visas"}},
    "first_name": "Ana",
    "confirm_url": "https://chorus.example.org/petitions/confirm/abc/",
    "days": 7,
    "site_url": "https://chorus.example.org",
}


@pytest.fixture
def builder(monkeypatch):
    """Registers TEMPLATE's decide and context builder for this test only; set `.decision`,
    `.result` or `.error`."""

    class Builder:
        def __init__(self):
            self.decision = Send()
            self.result = CONTEXT
            self.error = None
            self.seen: list[int] = []  # ids of the rows it built a context for

        def decide(self, email, related):
            return self.decision

        def __call__(self, email, related):
            self.seen.append(email.pk)
            if self.error:
                raise self.error
            return self.result

    instance = Builder()
    monkeypatch.setattr(rendering, "_builders", {})
    rendering.template_register(TEMPLATE, instance, decide=instance.decide)
    return instance


def _queue_templated() -> OutboundEmail:
    return queue_email(
        to="ana@example.org", template=TEMPLATE, purpose=PetitionPurpose.TARGET_UPDATE
    )


def test_a_row_queued_with_a_template_holds_no_text_until_it_is_sent(builder):
    email = _queue_templated()

    email.refresh_from_db()
    assert (email.subject, email.body_text, email.template) == ("", "", TEMPLATE)
    assert builder.seen == []


def test_the_worker_renders_the_row_sends_it_and_keeps_what_went_out(builder, smtp_server):
    email = _queue_templated()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "sent"
    assert email.status == Status.SENT
    assert email.subject == "Confirm your signature: Issue emergency visas"
    # What went out, but for the link's token (campaign/outbox/redaction.py).
    assert "https://chorus.example.org/petitions/confirm/[link removed]/" in email.body_text
    assert "/confirm/abc/" not in email.body_text
    assert "Ana" in email.body_html
    assert smtp_server.message_ids == [email.message_id]


def test_a_row_whose_purpose_has_gone_is_cancelled_and_not_sent(builder, smtp_server):
    builder.decision = Cancel("what it served is gone")
    email = _queue_templated()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "cancelled"
    assert email.status == Status.CANCELLED
    assert "no longer needs it" in email.last_error
    assert smtp_server.count() == 0


def test_a_row_that_cannot_be_rendered_waits_for_a_retry_with_the_reason(builder, smtp_server):
    builder.error = LookupError("the database went away")
    email = _queue_templated()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "retry"
    assert email.status == Status.QUEUED
    assert email.last_error == "Could not render the email (LookupError)."
    assert smtp_server.count() == 0


def test_a_row_rendered_when_queued_is_sent_as_it_is(builder, smtp_server):
    email = queue_email(
        to="ana@example.org",
        subject="Written",
        body_text="As approved.",
        purpose=PetitionPurpose.TARGET_UPDATE,
    )

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "sent"
    assert (email.subject, email.body_text) == ("Written", "As approved.")
    assert smtp_server.message_ids == [email.message_id]
    assert builder.seen == []


def test_a_template_nobody_registered_is_refused_when_queueing(builder):
    with pytest.raises(ValueError, match="No context builder"):
        queue_email(to="ana@example.org", template="nowhere", purpose=PetitionPurpose.TARGET_UPDATE)


def test_a_row_goes_to_exactly_one_valid_address(builder):
    with pytest.raises(ValidationError):
        queue_email(
            to="ana@example.org, bo@example.org",
            template=TEMPLATE,
            purpose=PetitionPurpose.TARGET_UPDATE,
        )


def test_the_worker_renders_in_the_language_the_context_names(
    monkeypatch, settings, tmp_path, smtp_server
):
    folder = tmp_path / "emails"
    folder.mkdir()
    for part in ("subject.txt", "body.txt", "body.html"):
        (folder / f"language-{part}").write_text(
            "{% load i18n %}{% get_current_language as language %}{{ language }}"
        )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    monkeypatch.setattr(rendering, "_builders", {})
    rendering.template_register("language", lambda email, related: {"language": "fr"})
    email = queue_email(
        to="ana@example.org", template="language", purpose=PetitionPurpose.TARGET_UPDATE
    )

    delivery.deliver(email.pk)

    email.refresh_from_db()
    assert (email.subject, email.body_text, email.body_html) == ("fr", "fr", "fr")


def test_rows_wait_for_a_retry_when_what_they_serve_cannot_be_loaded(
    builder, smtp_server, monkeypatch
):
    def broken(emails):
        raise ConnectionError("the database went away")

    monkeypatch.setattr(rendering, "related_objects", broken)
    email = _queue_templated()

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "retry"
    assert email.status == Status.QUEUED
    assert smtp_server.count() == 0
