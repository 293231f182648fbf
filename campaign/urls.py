"""Root URLs: public pages per app, and the admin for organisers and staff.

Every page a person reads is served in each language of settings.LANGUAGES (i18n_patterns):
English at the unprefixed paths, French under /fr/. English keeps its unprefixed paths
(prefix_default_language=False), so every link emailed or shared before French existed still
leads to the same page, and an unprefixed path is always English whatever the browser says:
a page's language is in its address, which search engines and shared links keep.
The ESP webhooks and the API are for machines and stay outside.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from campaign import views

urlpatterns = [
    path("outbox/", include("campaign.outbox.urls")),  # ESP bounce webhooks, only with ANYMAIL
    # The read API for organisations' systems (campaign.api): tokens, JSON, no language prefix.
    path("api/v1/", include("campaign.api.urls")),
    # A campaign's colours (campaign.branding): the same stylesheet in every language.
    path("campaigns/<slug:slug>/theme.css", views.campaign_theme, name="campaign_theme"),
    *i18n_patterns(
        path("admin/", admin.site.urls),
        path("petitions/", include("petitions.urls")),
        path("letters/", include("letters.urls")),
        # Compact pages a campaign's partner sites may show in a frame (campaign/embeds.py).
        path("embed/petitions/", include("petitions.embed_urls")),
        path("embed/letters/", include("letters.embed_urls")),
        # The supporter's removal page; /privacy/ itself is the privacy notice (public_urls).
        path("privacy/", include("campaign.privacy.urls")),
        # Every mailing's unsubscribe link, short (mail clients show it) and RFC 8058 ready.
        path("u/", include("campaign.consent.urls")),
        path("", include("campaign.public_urls")),
        prefix_default_language=False,
    ),
]

# Uploaded images under DEBUG (`make run`); `static()` adds nothing otherwise, and production's
# proxy serves them (README, "Running in production").
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
