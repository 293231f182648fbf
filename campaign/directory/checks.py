"""System checks for the directory's settings that must be right in production."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_represent_settings(app_configs, **kwargs):
    """Warn when Represent is asked over plain http (postal codes would travel in clear)."""
    # Represent off is a fair production choice (the directory is kept by imports), so only a
    # plain-http URL is worth a warning.
    if settings.REPRESENT_API_ENABLED and not settings.REPRESENT_API_URL.startswith("https://"):
        return [Warning("REPRESENT_API_URL should be https://.", id="directory.W001")]
    return []
