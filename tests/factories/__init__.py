"""factory_boy factories, one module per app, re-exported here: `from tests.factories import …`."""

from tests.factories.campaign import (
    CallFactory,
    CallPageFactory,
    CallToActionFactory,
    CampaignFactory,
    DonationLinkFactory,
    OfficeFactory,
    SourceDocumentFactory,
    TargetFactory,
)
from tests.factories.letters import LetterTemplateFactory
from tests.factories.outbox import OutboundEmailFactory
from tests.factories.petitions import PetitionFactory

__all__ = [
    "CallFactory",
    "CallPageFactory",
    "CallToActionFactory",
    "CampaignFactory",
    "DonationLinkFactory",
    "LetterTemplateFactory",
    "OfficeFactory",
    "OutboundEmailFactory",
    "PetitionFactory",
    "SourceDocumentFactory",
    "TargetFactory",
]
