"""The ESP webhooks (bounces, complaints), served only when an ESP is configured (ANYMAIL).

Point the ESP's tracking webhook at https://<user>:<password>@<site>/outbox/esp/<esp>/tracking/
with <user>:<password> = ANYMAIL["WEBHOOK_SECRET"].
"""

from django.conf import settings
from django.urls import include, path


def esp_urlpatterns() -> list:
    """The anymail webhook URLs, or none when no ESP is configured (nothing to post fakes to)."""
    if not getattr(settings, "ANYMAIL", None):
        return []
    return [path("esp/", include("anymail.urls"))]


urlpatterns = esp_urlpatterns()
