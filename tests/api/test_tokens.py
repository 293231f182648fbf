"""Making tokens: `manage.py api_token_create`, and the admin, which shows the key once."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from campaign.api.models import ApiToken
from campaign.api.services import key_hash

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_key_that_works(organiser, client):
    out = io.StringIO()
    call_command("api_token_create", "--user", "alice", "--scopes", "campaigns:read", stdout=out)
    key = out.getvalue().strip().splitlines()[-1]
    assert ApiToken.objects.get().key_hash == key_hash(key)
    response = client.get("/api/v1/campaigns/", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200


def test_the_command_refuses_a_scope_the_user_may_not_hold(organiser):
    with pytest.raises(CommandError, match="emails:read"):
        call_command("api_token_create", "--user", "alice", "--scopes", "emails:read")
    assert not ApiToken.objects.exists()


def test_the_admin_shows_a_new_key_once(admin_client, organiser):
    response = admin_client.post(
        "/admin/api/apitoken/add/",
        {"user": organiser.pk, "name": "CRM", "scopes": ["campaigns:read", "people:read"]},
        follow=True,
    )
    token = ApiToken.objects.get()
    (message,) = [str(m) for m in response.context["messages"] if "only this once" in str(m)]
    key = message.rsplit(" ", 1)[-1]
    assert token.key_hash == key_hash(key)
    assert token.scopes == ["campaigns:read", "people:read"]
    assert key not in admin_client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()


def test_the_admin_revokes_tokens(admin_client, organiser, make_token):
    created = make_token(organiser, ["campaigns:read"])
    admin_client.post(
        "/admin/api/apitoken/",
        {"action": "revoke", "_selected_action": [created.token.pk]},
    )
    created.token.refresh_from_db()
    assert created.token.revoked_at is not None
