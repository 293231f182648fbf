from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "campaign.outbox"
    label = "outbox"
    verbose_name = _("Outbox")

    def ready(self) -> None:
        from anymail.signals import tracking

        from campaign.outbox import checks  # noqa: F401 - registers the system checks
        from campaign.outbox.bounces import on_tracking

        tracking.connect(on_tracking, dispatch_uid="campaign.outbox.bounces")
