from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "campaign.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from campaign.privacy.registry import holder_register
        from campaign.webhooks import (
            checks,  # noqa: F401 - registers the system checks
            privacy,
        )

        holder_register(privacy.HOLDER)
