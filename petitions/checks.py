"""System checks for the petitions settings (a wrong value would fail silently at run time)."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_petition_settings(app_configs, **kwargs):
    """petitions.E001: the sign rate limit is not a django-ratelimit rate;
    petitions.E002: a negative page cache time."""
    from django_ratelimit.core import rate_re

    problems = []
    rate = settings.PETITIONS_SIGN_RATELIMIT
    if not isinstance(rate, str) or not rate_re.fullmatch(rate):
        problems.append(
            Error(
                f"PETITIONS_SIGN_RATELIMIT={rate!r} is not a rate like '20/h'.",
                hint="Over-limit signatures would never be flagged.",
                id="petitions.E001",
            )
        )
    if settings.PETITIONS_PAGE_CACHE_SECONDS < 0:
        problems.append(
            Error("PETITIONS_PAGE_CACHE_SECONDS must be 0 or more.", id="petitions.E002")
        )
    return problems
