"""Requests per token per minute (settings.API_RATE_LIMIT): a runaway sync slows down with
429s instead of loading the database. Counted in the cache, as the site's other limits are."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from campaign.api.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_rate(self) -> str:
        # Read on each request, not once at import (DRF's default), so settings can change.
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None  # refused before this counts anything
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
