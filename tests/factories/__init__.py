"""factory_boy factories, one module per app, re-exported here: `from tests.factories import …`."""

from tests.factories.campaign import (
    CallToActionFactory,
    CampaignFactory,
    DonationLinkFactory,
    SourceDocumentFactory,
    TargetFactory,
)
from tests.factories.letters import LetterTemplateFactory
from tests.factories.outbox import OutboundEmailFactory
from tests.factories.petitions import PetitionFactory

__all__ = [
    "CallToActionFactory",
    "CampaignFactory",
    "DonationLinkFactory",
    "LetterTemplateFactory",
    "OutboundEmailFactory",
    "PetitionFactory",
    "SourceDocumentFactory",
    "TargetFactory",
]
