"""Every registered template's context builder only reads: its writes belong in its decide.

Each template gets a representative row and object, decided as the worker decides it, then built
under a guard that fails on any write query. A template registered without a representative
here fails the suite, so a new one is checked too.
"""

from collections.abc import Callable
from contextlib import contextmanager

import pytest
from django.db import connection

from campaign.outbox import OutboundEmail, Send, rendering
from letters import emails as letter_emails
from petitions import emails as petition_emails
from petitions.models import Signature
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE")


class WriteRefused(AssertionError):
    pass


def _refuse_writes(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith(WRITES):
        raise WriteRefused(f"a context builder wrote: {sql[:80]}")
    return execute(sql, params, many, context)


@contextmanager
def read_only():
    """Any INSERT, UPDATE or DELETE on the connection inside fails the test."""
    with connection.execute_wrapper(_refuse_writes):
        yield


def _signature():
    return SignatureFactory(rate_limit_pending=True).pk


def _new_letter():
    return LetterRecipientFactory().letter_id


def _earlier_letter():
    return LetterRecipientFactory(letter=LetterFactory()).letter_id


# Template -> its object's id, as signing or writing leaves it.
REPRESENTATIVES: dict[str, Callable[[], int]] = {
    petition_emails.CONFIRMATION_TEMPLATE: _signature,
    petition_emails.AGAIN_TEMPLATE: _signature,
    letter_emails.CONFIRMATION_TEMPLATE: _new_letter,
    letter_emails.ALREADY_WRITTEN_TEMPLATE: _earlier_letter,
}


def test_every_registered_template_has_a_representative_here():
    assert set(rendering._builders) == set(REPRESENTATIVES)


def test_the_guard_refuses_a_write():
    signature_id = _signature()

    with read_only(), pytest.raises(WriteRefused):
        Signature.objects.filter(pk=signature_id).update(first_name="X")


@pytest.mark.parametrize("template", sorted(REPRESENTATIVES))
def test_the_context_builder_only_reads(template):
    registered = rendering._builders[template]
    obj = registered.related().get(pk=REPRESENTATIVES[template]())
    email = OutboundEmail(pk=1, template=template, to="ana@example.org", related_id=obj.pk)
    decided = rendering.decide(email, obj)
    assert decided.decision == Send()

    with read_only():
        context = registered.build_context(email, decided.related)
        subject, body_text, _ = rendering.render_templates(template, context)

    assert subject and body_text
