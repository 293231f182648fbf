"""What a token may read: the view's scope, held by the token and still allowed its user."""

from rest_framework import permissions

from campaign.api.models import ApiToken
from campaign.api.scopes import EMAILS, scope_permission


def token_allows(request, scope: str) -> bool:
    """The request's token holds `scope`, and its user still holds the scope's permission."""
    token = request.auth
    return (
        isinstance(token, ApiToken)
        and scope in token.scopes
        and request.user.has_perm(scope_permission(scope))
    )


def may_read_emails(request) -> bool:
    """Supporters' addresses are shown only to a token with `emails:read` (scopes.py)."""
    return token_allows(request, EMAILS)


class HasScope(permissions.BasePermission):
    """Lets a request through when its token holds the view's `required_scope`.

    No token (or an invalid one): 401, from the authentication. A valid token without the
    scope: 403. Either way before the view reads anything.
    """

    def has_permission(self, request, view) -> bool:
        if not isinstance(request.auth, ApiToken):
            return False
        return token_allows(request, view.required_scope)
