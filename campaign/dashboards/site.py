"""Chorus's admin site: Django's, with the live campaigns' figures on its index.

Installed in place of `django.contrib.admin` (settings.INSTALLED_APPS names
campaign.dashboards.apps.ChorusAdminConfig), so `admin.site` is this site and every
`@admin.register` lands here.
"""

from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy

from campaign.dashboards import selectors

# Who sees the figures on the index: whoever may read campaigns (organisers, data staff).
DASHBOARD_PERMISSION = "campaign.view_campaign"


class ChorusAdminSite(AdminSite):
    site_header = gettext_lazy("Chorus administration")
    site_title = gettext_lazy("Chorus")
    index_template = "admin/chorus_index.html"

    def index(self, request, extra_context=None):
        if request.user.has_perm(DASHBOARD_PERMISSION):
            extra_context = {
                **(extra_context or {}),
                "dashboard": selectors.admin_index_dashboard(),
            }
        return super().index(request, extra_context)
