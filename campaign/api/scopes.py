"""What an API token may read: its scopes, each tied to the permission its user must hold.

A token never reads more than its user could in the admin: a scope is granted only to a user
holding its permission, and the permission is checked again on every request, so taking it
away from the user (or from their group) closes the scope at once.

`emails:read` is apart from `people:read` and `signatures:read`: supporters' email addresses
are what the signer exports gate behind `petitions.export_signature` (data staff hold it,
organisers do not), and an integration that only counts or segments never needs them.
"""

from django.utils.translation import gettext_lazy as _

CAMPAIGNS = "campaigns:read"
PEOPLE = "people:read"
SIGNATURES = "signatures:read"
LETTERS = "letters:read"
CALLS = "calls:read"
EMAILS = "emails:read"

# scope -> (what it lets a token read, the permission its user must hold)
SCOPES: dict[str, tuple] = {
    CAMPAIGNS: (_("Campaigns and their petitions"), "campaign.view_campaign"),
    PEOPLE: (
        _("Supporters who confirmed an action, with their consent"),
        "petitions.view_signature",
    ),
    SIGNATURES: (_("Confirmed signatures, with their consent"), "petitions.view_signature"),
    LETTERS: (_("Letters' metadata (never their text)"), "letters.view_letter"),
    CALLS: (_("Calls supporters said they made, per office"), "campaign.view_call"),
    EMAILS: (_("Supporters' email addresses"), "petitions.export_signature"),
}


def scope_permission(scope: str) -> str:
    """The permission a user must hold for `scope`; KeyError for an unknown scope."""
    return SCOPES[scope][1]


def scopes_missing_permission(user, scopes) -> list[str]:
    """The scopes of `scopes` that `user` may not hold (for lack of their permission)."""
    return [scope for scope in scopes if not user.has_perm(scope_permission(scope))]
