from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "campaign.mailings"
    label = "mailings"
    verbose_name = _("Follow-up mailings")

    def ready(self) -> None:
        from campaign.consent.registry import withdrawal_handler_register
        from campaign.mailings import privacy, services
        from campaign.privacy.registry import holder_register

        holder_register(privacy.HOLDER)
        withdrawal_handler_register("mailings", services.recipients_cancel)
