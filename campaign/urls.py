"""Root URLs: public pages per app, and the admin for organisers and staff."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("petitions/", include("petitions.urls")),
    path("letters/", include("letters.urls")),
    path("outbox/", include("campaign.outbox.urls")),  # ESP bounce webhooks, only with ANYMAIL
    # The supporter's removal page; /privacy/ itself is the privacy notice (public_urls).
    path("privacy/", include("campaign.privacy.urls")),
    path("", include("campaign.public_urls")),
]
