from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = _("Petitions")

    def ready(self):
        from campaign.dashboards.registry import dashboard_source_register
        from campaign.outbox import PurposeKind, purpose_register, template_register
        from campaign.privacy.registry import holder_register
        from petitions import (
            checks,  # noqa: F401 (registers the system checks)
            dashboard,
            emails,
            privacy,
        )
        from petitions.purposes import PetitionPurpose

        holder_register(privacy.HOLDER)
        dashboard_source_register(dashboard.SOURCE)

        purpose_register(
            PetitionPurpose.SIGNATURE_CONFIRMATION,
            kind=PurposeKind.TRANSACTIONAL,
            to_supporter=True,
        )
        purpose_register(
            PetitionPurpose.TARGET_UPDATE, kind=PurposeKind.TRANSACTIONAL, to_supporter=False
        )
        template_register(
            emails.CONFIRMATION_TEMPLATE,
            emails.confirmation_context,
            related=emails.signatures_with_petition,
            decide=emails.confirmation_decide,
            decide_batch=emails.confirmation_decide_batch,
        )
        # A second signing's row: its own decide (a claim per email sent, so one row at a
        # time), the same text.
        template_register(
            emails.AGAIN_TEMPLATE,
            emails.confirmation_context,
            related=emails.signatures_with_petition,
            decide=emails.again_decide,
        )
