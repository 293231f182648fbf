"""The OpenAPI description: served, valid, and true to the app. Schemathesis generates
requests from it (a few per operation, to keep the suite fast) against the app in-process,
with a token holding every scope and data present: none may answer 500, and each answer must
match its documented schema."""

import pytest
import schemathesis
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.factories import CallFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import SignatureFactory

SCHEMA = "/api/v1/schema/"


def test_it_serves_its_openapi_description_without_a_token(client):
    response = client.get(SCHEMA, headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert b"/api/v1/people/" in response.content


def test_its_openapi_description_validates_without_warnings():
    # drf-spectacular's own check: openapi-spec-validator, and any warning is a failure.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


# Loaded when the module is collected: the description is served without the database.
# (schemathesis.pytest.from_fixture, which would load it inside a test, fails on pytest 9.)
schema = schemathesis.openapi.from_wsgi(SCHEMA, get_wsgi_application())


@pytest.fixture
def _connection_kept():
    """Schemathesis calls the WSGI handler itself, whose request_finished signal would close
    the database connection inside the test's transaction; Django's test client keeps it the
    same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def rows(db, _connection_kept):
    """One of every kind of row the API shows."""
    SignatureFactory(confirmed=True, newsletter_opt_in=True, email="marie@example.org")
    letter = LetterFactory(status="confirmed", confirmed_at=timezone.now())
    LetterRecipientFactory(letter=letter)
    CallFactory()


@schema.parametrize()
@hypothesis_settings(
    max_examples=5,
    database=None,  # no .hypothesis/ folder in the work tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_never_fails_a_request_its_description_allows(case, rows, data_staff_api, settings):
    settings.API_RATE_LIMIT = "10000/min"
    case.call_and_validate(
        headers={"Authorization": f"Bearer {data_staff_api.key}"},
        checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
    )
