"""Fixtures of the supporters' data tests: one supporter, Jane, who signed and wrote."""

import pytest
from django.urls import reverse

from campaign.outbox.models import OutboundEmail
from campaign.privacy.links import removal_token_make
from letters.models import Letter
from petitions import local_cache
from petitions.purposes import PetitionPurpose
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.outbox import OutboundEmailFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

JANE = "Jane.Doe@gmail.com"


@pytest.fixture(autouse=True)
def _clean_page_cache():
    local_cache.clear()
    yield


@pytest.fixture
def petition(db):
    return PetitionFactory(slug="visas", title="Issue emergency visas")


@pytest.fixture
def jane_signature(petition):
    """Jane's confirmed signature, with her newsletter consent, and its confirmation email."""
    signature = SignatureFactory(
        petition=petition,
        first_name="Jane",
        last_name="Doe",
        email=JANE,
        confirmed=True,
        newsletter_opt_in=True,
        newsletter_consent_text="Send me news about this campaign.",
    )
    OutboundEmailFactory(
        to=JANE,
        purpose=PetitionPurpose.SIGNATURE_CONFIRMATION,
        related_type=None,
        status=OutboundEmail.Status.SENT,
        subject="Confirm your signature",
        body_text="Hello Jane,",
    )
    return signature


@pytest.fixture
def jane_letter(db):
    """A letter Jane sent (confirmed) to her MP, written from another spelling of her address."""
    letter = LetterFactory(
        supporter_name="Jane Doe",
        supporter_email="janedoe+letters@gmail.com",
        supporter_postal_code="K1A 0A6",
        body="Dear Member,\n\nI am Jane, and I ask you to act.\n\nJane Doe",
        status=Letter.Status.CONFIRMED,
    )
    LetterRecipientFactory(letter=letter, name="Yasir Naqvi", email="yasir.naqvi@parl.gc.ca")
    return letter


def removal_path(kind: str, object_id: int) -> str:
    token = removal_token_make(kind=kind, object_id=object_id)
    return reverse("privacy:remove", kwargs={"token": token})
