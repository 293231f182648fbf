"""Who may read: a live token of an active staff user, holding the scope. The issue's bad
inputs: no token, a bad or revoked token, a token outside its scope -> 401/403, no data."""

import pytest
from django.contrib.auth.models import Permission

from campaign.api.models import ApiToken
from campaign.api.services import ScopeRefused, api_token_create, api_token_revoke, key_hash
from tests.api.conftest import ApiClient
from tests.factories.petitions import SignatureFactory

pytestmark = pytest.mark.django_db

SIGNATURES = "/api/v1/signatures/"


@pytest.fixture
def signature(db):
    return SignatureFactory(confirmed=True, first_name="Marie")


def _no_data(response) -> bool:
    return b"Marie" not in response.content and "results" not in response.json()


def test_it_refuses_a_request_without_a_token(anonymous_api, signature):
    response = anonymous_api.get(SIGNATURES)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert _no_data(response)


def test_it_refuses_an_unknown_token(client, signature):
    response = ApiClient(client, "chorus_not-a-real-key").get(SIGNATURES)
    assert response.status_code == 401
    assert _no_data(response)


def test_it_refuses_a_revoked_token(client, organiser, make_token, signature):
    created = make_token(organiser, ["signatures:read"])
    api_token_revoke(token=created.token)
    response = ApiClient(client, created.key).get(SIGNATURES)
    assert response.status_code == 401
    assert _no_data(response)


def test_it_refuses_a_token_outside_its_scope(client, organiser, make_token, signature):
    created = make_token(organiser, ["campaigns:read"])
    response = ApiClient(client, created.key).get(SIGNATURES)
    assert response.status_code == 403
    assert _no_data(response)


def test_it_refuses_a_token_outside_its_scope_for_one_object_too(
    client, organiser, make_token, signature
):
    created = make_token(organiser, ["campaigns:read"])
    response = ApiClient(client, created.key).get(f"{SIGNATURES}{signature.pk}/")
    assert response.status_code == 403
    assert _no_data(response)


def test_it_refuses_the_token_of_a_deactivated_user(client, organiser, make_token, signature):
    created = make_token(organiser, ["signatures:read"])
    organiser.is_active = False
    organiser.save()
    assert ApiClient(client, created.key).get(SIGNATURES).status_code == 401


def test_it_closes_a_scope_when_its_user_loses_the_permission(
    client, organiser, make_token, signature
):
    created = make_token(organiser, ["signatures:read"])
    organiser.groups.clear()
    response = ApiClient(client, created.key).get(SIGNATURES)
    assert response.status_code == 403
    assert _no_data(response)


def test_it_reads_with_a_live_token_holding_the_scope(organiser_api, signature):
    response = organiser_api.get(SIGNATURES)
    assert response.status_code == 200
    assert response.json()["results"][0]["given_name"] == "Marie"


def test_it_keeps_only_the_hash_of_a_token(organiser, make_token):
    created = make_token(organiser, ["campaigns:read"])
    token = ApiToken.objects.get()
    assert token.key_hash == key_hash(created.key)
    assert created.key not in {str(value) for value in token.__dict__.values()}


def test_it_notes_when_a_token_was_last_used(client, organiser, make_token):
    created = make_token(organiser, ["campaigns:read"])
    assert created.token.last_used_at is None
    ApiClient(client, created.key).get("/api/v1/campaigns/")
    created.token.refresh_from_db()
    assert created.token.last_used_at is not None


def test_it_gives_no_scope_a_user_may_not_read(organiser):
    # Organisers do not hold petitions.export_signature: no addresses for them.
    with pytest.raises(ScopeRefused):
        api_token_create(user=organiser, name="CRM", scopes=["emails:read"])


def test_it_gives_no_token_to_a_user_who_is_not_staff(outsider):
    with pytest.raises(ScopeRefused):
        api_token_create(user=outsider, name="CRM", scopes=["campaigns:read"])


def test_it_gives_no_unknown_scope(organiser):
    with pytest.raises(ScopeRefused):
        api_token_create(user=organiser, name="CRM", scopes=["everything"])


def test_it_slows_a_token_down_past_its_rate(client, organiser, make_token, settings):
    settings.API_RATE_LIMIT = "2/min"
    api = ApiClient(client, make_token(organiser, ["campaigns:read"]).key)
    statuses = [api.get("/api/v1/campaigns/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_it_refuses_writes(organiser_api, client):
    response = client.post(
        "/api/v1/campaigns/", {}, headers={"Authorization": f"Bearer {organiser_api.key}"}
    )
    assert response.status_code == 405


def test_it_has_no_permission_of_its_own_to_grant(organiser):
    # Scopes ride on existing admin permissions: the app adds none a group could be given.
    assert not Permission.objects.filter(content_type__app_label="api").exclude(
        codename__in=["add_apitoken", "change_apitoken", "delete_apitoken", "view_apitoken"]
    )
