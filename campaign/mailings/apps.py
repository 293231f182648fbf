from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "campaign.mailings"
    label = "mailings"
    verbose_name = _("Follow-up mailings")

    def ready(self) -> None:
        from campaign.consent.registry import withdrawal_handler_register
        from campaign.mailings import privacy, services
        from campaign.mailings.purposes import MailingPurpose
        from campaign.outbox import PurposeKind, purpose_register
        from campaign.privacy.registry import holder_register

        purpose_register(MailingPurpose.MAILING, kind=PurposeKind.MARKETING, to_supporter=True)
        holder_register(privacy.HOLDER)
        withdrawal_handler_register("mailings", services.recipients_cancel)
