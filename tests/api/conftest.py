"""Fixtures of the API tests: tokens of the personas, and a client that sends one."""

import pytest

from campaign.api.scopes import SCOPES
from campaign.api.services import api_token_create

ALL_BUT_EMAILS = [scope for scope in SCOPES if scope != "emails:read"]


class ApiClient:
    """The Django test client, sending `Authorization: Bearer <key>` when given a key."""

    def __init__(self, client, key: str | None = None):
        self.client = client
        self.key = key

    def get(self, path: str, **params):
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        return self.client.get(path, params, headers=headers)


@pytest.fixture
def make_token():
    def make(user, scopes, name="CRM sync"):
        return api_token_create(user=user, name=name, scopes=list(scopes))

    return make


@pytest.fixture
def organiser_api(client, organiser, make_token):
    """An organiser's token with every scope an organiser may hold (all but emails)."""
    return ApiClient(client, make_token(organiser, ALL_BUT_EMAILS).key)


@pytest.fixture
def data_staff_api(client, data_staff, make_token):
    """Data staff's token with every scope, emails included."""
    return ApiClient(client, make_token(data_staff, SCOPES).key)


@pytest.fixture
def anonymous_api(client):
    return ApiClient(client)
