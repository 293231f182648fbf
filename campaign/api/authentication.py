"""Who a request is: `Authorization: Bearer <key>` of a live token of an active staff user.

Any other case is a 401 that says nothing of why beyond "not a valid token": a missing header,
an unknown key, a revoked token and an inactive or former staff user look alike to a caller.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from campaign.api.models import ApiToken
from campaign.api.services import api_token_touch, key_hash

KEYWORDS = ("bearer", "token")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """DRF authentication by ApiToken; `request.auth` is the token (its scopes)."""

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode("latin-1").lower() not in KEYWORDS:
            return None  # no credentials: the permission check answers 401
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Give one token after “Bearer”."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=key_hash(key), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active or not token.user.is_staff:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (with this challenge), not 403, to a request without a token.
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI description names the token: an HTTP bearer scheme."""

    target_class = "campaign.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": _("A token made in the admin or by `manage.py api_token_create`."),
        }
