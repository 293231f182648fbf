"""A templated row's decide step: the one place an app writes at send time, before its context
is built, and what the outbox does with its answer (Send, Cancel, Become)."""

import logging

import pytest
from django.utils import timezone

from campaign.outbox import Become, Cancel, Send, delivery, queue_email, rendering
from campaign.outbox.models import OutboundEmail
from petitions.models import Signature
from petitions.purposes import PetitionPurpose
from tests.factories.outbox import SuppressionFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db

Status = OutboundEmail.Status
# A template with files on disk (templates/emails/petition-confirm-*), given a stand-in context.
RENDERED = "petition-confirm"
CONTEXT = {
    "petition": {"shown": {"title": "Issue emergency visas"}},
    "first_name": "Ana",
    "confirm_url": "https://chorus.example.org/petitions/confirm/abc/",
    "days": 7,
    "site_url": "https://chorus.example.org",
}
# A template that is never rendered: its rows become RENDERED ones.
FIRST = "stub-first"


class Steps:
    """A template's steps for one test: answers `decision`, records what ran, in order."""

    def __init__(self, decision=None):
        self.decision = decision or Send()
        self.ran: list[tuple] = []
        self.batches: list[list[int]] = []
        self.build_error: Exception | None = None

    def decide(self, email, obj):
        self.ran.append(("decide", email.pk, obj))
        return self.decision

    def decide_batch(self, pairs):
        self.batches.append([email.pk for email, _ in pairs])
        return [self.decision for _ in pairs]

    def build_context(self, email, obj):
        self.ran.append(("build", email.pk, obj))
        if self.build_error is not None:
            raise self.build_error
        return CONTEXT


def signatures():
    return Signature.objects.all()


@pytest.fixture
def registry(monkeypatch):
    """An empty template registry for this test only."""
    monkeypatch.setattr(rendering, "_builders", {})


def _queue(template: str, related=None, to: str = "ana@example.org") -> OutboundEmail:
    return queue_email(
        to=to, template=template, purpose=PetitionPurpose.TARGET_UPDATE, related=related
    )


def test_decide_runs_before_the_context_is_built(registry):
    steps = Steps()
    rendering.template_register(
        RENDERED, steps.build_context, related=signatures, decide=steps.decide
    )
    signature = SignatureFactory()
    email = _queue(RENDERED, related=signature)

    outcome = delivery.deliver(email.pk)

    assert outcome.status == "sent"
    assert [(step, pk) for step, pk, _ in steps.ran] == [
        ("decide", email.pk),
        ("build", email.pk),
    ]


def test_a_cancelled_row_is_never_built_and_says_why_in_the_log(registry, caplog):
    steps = Steps(Cancel("what it served is gone"))
    rendering.template_register(RENDERED, steps.build_context, decide=steps.decide)
    email = _queue(RENDERED)

    with caplog.at_level(logging.INFO, logger="campaign.outbox.delivery"):
        outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "cancelled"
    assert email.last_error == "Not sent: what this email was for no longer needs it."
    assert [step for step, *_ in steps.ran] == ["decide"]
    assert "no longer needed (what it served is gone)" in caplog.text


def test_become_rewrites_the_row_and_sends_the_new_template_for_the_new_object(registry):
    attempt, earlier = SignatureFactory(), SignatureFactory()
    first = Steps(Become(RENDERED, PetitionPurpose.SIGNATURE_CONFIRMATION, earlier.pk))
    then = Steps()
    rendering.template_register(FIRST, first.build_context, related=signatures, decide=first.decide)
    rendering.template_register(
        RENDERED, then.build_context, related=signatures, decide=then.decide
    )
    email = _queue(FIRST, related=attempt)

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "sent"
    assert (email.template, email.purpose, email.related_id) == (
        RENDERED,
        PetitionPurpose.SIGNATURE_CONFIRMATION,
        earlier.pk,
    )
    assert email.subject == "Confirm your signature: Issue emergency visas"
    assert [step for step, *_ in first.ran] == ["decide"]
    assert [(step, obj) for step, _, obj in then.ran] == [("decide", earlier), ("build", earlier)]


def test_become_is_kept_with_decides_writes_so_a_retry_renders_the_new_template(registry):
    attempt, earlier = SignatureFactory(), SignatureFactory()

    class DeletesTheAttempt(Steps):
        def decide(self, email, obj):
            obj.delete()  # as letters delete an attempt
            return super().decide(email, obj)

    first = DeletesTheAttempt(Become(RENDERED, PetitionPurpose.SIGNATURE_CONFIRMATION, earlier.pk))
    then = Steps()
    then.build_error = LookupError("a template bug")
    rendering.template_register(FIRST, first.build_context, related=signatures, decide=first.decide)
    rendering.template_register(
        RENDERED, then.build_context, related=signatures, decide=then.decide
    )
    email = _queue(FIRST, related=attempt)

    failed = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert failed.status == "retry"
    assert (email.template, email.related_id) == (RENDERED, earlier.pk)
    assert not Signature.objects.filter(pk=attempt.pk).exists()

    then.build_error = None
    OutboundEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    retried = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert retried.status == "sent"
    assert email.subject == "Confirm your signature: Issue emergency visas"
    assert [step for step, *_ in first.ran] == ["decide"]  # never asked again


def test_a_become_that_cannot_be_applied_undoes_decides_writes(registry):
    attempt, earlier = SignatureFactory(), SignatureFactory()

    class DeletesTheAttempt(Steps):
        def decide(self, email, obj):
            obj.delete()
            return super().decide(email, obj)

    first = DeletesTheAttempt(Become("nowhere", PetitionPurpose.SIGNATURE_CONFIRMATION, earlier.pk))
    rendering.template_register(FIRST, first.build_context, related=signatures, decide=first.decide)
    email = _queue(FIRST, related=attempt)

    outcome = delivery.deliver(email.pk)

    email.refresh_from_db()
    assert outcome.status == "retry"
    assert (email.template, email.related_id) == (FIRST, attempt.pk)
    assert Signature.objects.filter(pk=attempt.pk).exists()


def test_a_row_becomes_another_once_per_send(registry):
    signature = SignatureFactory()
    loop = Steps(Become(FIRST, PetitionPurpose.TARGET_UPDATE, signature.pk))
    rendering.template_register(FIRST, loop.build_context, related=signatures, decide=loop.decide)
    email = _queue(FIRST, related=signature)

    outcome = delivery.deliver(email.pk)

    assert outcome.status == "retry"
    assert [step for step, *_ in loop.ran] == ["decide", "decide"]


def test_a_batch_decides_its_rows_of_a_template_in_one_call_in_order(registry):
    steps = Steps()
    rendering.template_register(
        RENDERED,
        steps.build_context,
        related=signatures,
        decide=steps.decide,
        decide_batch=steps.decide_batch,
    )
    ids = [
        _queue(RENDERED, related=SignatureFactory(), to=f"s{n}@example.org").pk for n in range(3)
    ]

    outcomes = delivery.deliver_due(limit=10, budget_seconds=10)

    assert [o.status for o in outcomes] == ["sent"] * 3
    assert steps.batches == [ids]
    assert [step for step, *_ in steps.ran] == ["build"] * 3


def test_a_batch_passes_over_a_suppressed_row_without_deciding_it(registry):
    steps = Steps()
    rendering.template_register(
        RENDERED, steps.build_context, decide=steps.decide, decide_batch=steps.decide_batch
    )
    ids = [_queue(RENDERED, to=f"s{n}@example.org").pk for n in range(3)]
    SuppressionFactory(address="s1@example.org")  # after queueing, before sending

    outcomes = delivery.deliver_due(limit=10, budget_seconds=10)

    assert [o.status for o in outcomes] == ["sent", "cancelled", "sent"]
    assert steps.batches == [[ids[0], ids[2]]]


def test_a_batch_stops_at_a_row_that_may_wait_for_its_pacing_slot(registry, settings):
    settings.OUTBOX_RATE_LIMITS = {"paced.example": "1/h"}
    steps = Steps()
    rendering.template_register(
        RENDERED, steps.build_context, decide=steps.decide, decide_batch=steps.decide_batch
    )
    ids = [_queue(RENDERED, to=to).pk for to in ("a@example.org", "b@paced.example", "c@x.org")]

    delivery.deliver_due(limit=10, budget_seconds=10)

    # b's slot is free (its first message): it is decided at its turn, then c with it.
    assert steps.batches == [[ids[0]], [ids[1], ids[2]]]


def test_a_decide_batch_needs_the_decide_it_stands_for(registry):
    with pytest.raises(ValueError, match="needs the decide"):
        rendering.template_register(RENDERED, Steps().build_context, decide_batch=lambda p: [])
