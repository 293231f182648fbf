from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from campaign import checks  # noqa: F401  (registers the production system checks)
        from campaign.calls import dashboard
        from campaign.dashboards.registry import dashboard_source_register

        dashboard_source_register(dashboard.SOURCE)
