from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "campaign.consent"
    label = "consent"
    verbose_name = _("Consent ledger")

    def ready(self) -> None:
        from campaign.consent import privacy
        from campaign.outbox import complaint_handler_register
        from campaign.privacy.registry import holder_register

        holder_register(privacy.HOLDER)
        complaint_handler_register(privacy.complaint_withdraw)
