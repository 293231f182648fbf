"""Brute force on the admin login: locked out by account and by client address (django-axes),
the address being the trusted one (campaign/client_addresses.py), for a cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def attempt(client, username, password, *, ip="203.0.113.5", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_get_in(client, organiser):
    for _ in range(30):
        attempt(client, "alice", "wrong")

    response = attempt(client, "alice", "password")

    assert response.status_code == 429
    assert not logged_in(client)


def test_it_locks_the_account_whatever_address_the_attempts_come_from(client, organiser, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong", ip=f"198.51.100.{n + 1}")

    assert attempt(client, "alice", "password", ip="192.0.2.77").status_code == 429
    assert not logged_in(client)


def test_it_locks_an_address_trying_many_accounts(client, organiser, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"guess{n}", "wrong", ip="203.0.113.9")

    assert attempt(client, "alice", "password", ip="203.0.113.9").status_code == 429
    assert not logged_in(client)
    assert attempt(client, "alice", "password", ip="192.0.2.1").status_code == 302
    assert logged_in(client)


def test_it_keys_on_the_proxys_header_which_a_client_cannot_rotate(client, organiser, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The proxy says who it is; a forged X-Forwarded-For changes nothing.
        attempt(
            client,
            f"guess{n}",
            "wrong",
            ip="10.0.0.2",
            HTTP_X_REAL_IP="203.0.113.50",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )

    response = attempt(client, "alice", "password", ip="10.0.0.2", HTTP_X_REAL_IP="203.0.113.50")
    assert response.status_code == 429


def test_it_lets_the_account_in_again_after_the_cool_off(client, organiser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "alice", "wrong")

    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=1)):
        response = attempt(client, "alice", "password")

    assert response.status_code == 302
    assert logged_in(client)


def test_a_few_mistakes_do_not_lock_anyone_out(client, organiser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "alice", "wrong")

    assert attempt(client, "alice", "password").status_code == 302
