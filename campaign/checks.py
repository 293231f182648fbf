"""System checks for settings that must be right in production (`check --deploy`) or always."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_production_services(app_configs, **kwargs):
    """In production the embedded defaults (SQLite, in-process tasks, mail to files) are wrong."""
    problems = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        problems.append(Warning("DATABASE_URL is not set: Chorus is on SQLite.", id="chorus.W001"))
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set: tasks run inside web requests and the cache is per process.",
                id="chorus.W002",
            )
        )
    if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        problems.append(
            Warning("EMAIL_URL is not set: outbound mail is written to files.", id="chorus.W003")
        )
    if settings.SITE_URL.startswith("http://"):
        problems.append(Warning("SITE_URL should be https:// in production.", id="chorus.W004"))
    return problems


@register()
def check_call_settings(app_configs, **kwargs):
    """calls.E001: the first-press rate limit is not a django-ratelimit rate."""
    from django_ratelimit.core import rate_re

    rate = settings.CALLS_FIRST_PRESS_RATELIMIT
    if isinstance(rate, str) and rate_re.fullmatch(rate):
        return []
    return [
        Error(
            f"CALLS_FIRST_PRESS_RATELIMIT={rate!r} is not a rate like '20/h'.",
            hint="No first press would ever be limited.",
            id="calls.E001",
        )
    ]


@register()
def check_organisation_newsletter(app_configs, **kwargs):
    """consent.E001: the newsletter box is on, but names no organisation."""
    if not settings.ORGANISATION_NEWSLETTER or settings.ORGANISATION_NAME.strip():
        return []
    return [
        Error(
            "ORGANISATION_NEWSLETTER is on but ORGANISATION_NAME is empty.",
            hint="Set ORGANISATION_NAME: the newsletter box names who will write to supporters.",
            id="consent.E001",
        )
    ]


@register()
def check_consent_retention(app_configs, **kwargs):
    """consent.E002: a closed campaign's consents would be deleted less than three years
    after its last possible mailing, while a complaint about that mailing can still come."""
    mailings = settings.MAILINGS_AFTER_CLOSE_DAYS
    retention = settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS
    needed = mailings + settings.CONSENT_PROOF_AFTER_LAST_MAILING_DAYS
    if retention >= needed:
        return []
    return [
        Error(
            f"CONSENT_RETENTION_AFTER_CLOSE_DAYS={retention} is shorter than "
            f"MAILINGS_AFTER_CLOSE_DAYS={mailings} plus three years ({needed} days): the proof "
            "of a consent would be deleted while a complaint about the last mailing can still "
            "come (CASL).",
            hint=(
                f"Set CONSENT_RETENTION_AFTER_CLOSE_DAYS to at least {needed}, or shorten "
                "MAILINGS_AFTER_CLOSE_DAYS. If your counsel reads CASL otherwise, add "
                "consent.E002 to SILENCED_SYSTEM_CHECKS (an environment variable)."
            ),
            id="consent.E002",
        )
    ]
