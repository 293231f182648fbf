"""django.contrib.admin with Chorus's admin site (site.py). Imports no model: settings load it."""

from django.contrib.admin.apps import AdminConfig


class ChorusAdminConfig(AdminConfig):
    default_site = "campaign.dashboards.site.ChorusAdminSite"
