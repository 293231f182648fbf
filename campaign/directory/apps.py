from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "campaign.directory"
    label = "directory"
    verbose_name = _("Directory (ridings, MPs, ministry)")

    def ready(self) -> None:
        from campaign.directory import checks  # noqa: F401 - registers the system checks
