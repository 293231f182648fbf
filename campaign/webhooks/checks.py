"""System checks of the webhooks' settings."""

from django.conf import settings
from django.core.checks import Error, Warning, register


@register("webhooks", deploy=True)
def local_urls_refused_in_production(app_configs, **kwargs):
    if settings.WEBHOOKS_ALLOW_LOCAL_URLS:
        return [
            Warning(
                "WEBHOOKS_ALLOW_LOCAL_URLS is on: webhooks may be sent over plain http and to "
                "private or loopback addresses (the server's own network).",
                hint="Leave WEBHOOKS_ALLOW_LOCAL_URLS unset in production.",
                id="webhooks.W001",
            )
        ]
    return []


@register("webhooks")
def lease_outlasts_an_attempt(app_configs, **kwargs):
    attempt = settings.WEBHOOKS_CONNECT_TIMEOUT_SECONDS + settings.WEBHOOKS_READ_TIMEOUT_SECONDS
    if 2 * attempt > settings.WEBHOOKS_LEASE_SECONDS:
        return [
            Error(
                "WEBHOOKS_LEASE_SECONDS is shorter than twice one attempt's timeouts: a slow "
                "endpoint's delivery could be taken back and sent twice at once.",
                id="webhooks.E001",
            )
        ]
    return []
