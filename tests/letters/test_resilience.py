"""Nothing a supporter writes is lost when Redis, SMTP or Represent misbehave."""

import pytest

from campaign.outbox.models import OutboundEmail
from letters.models import Letter
from tests.letters.test_flow import letter_data, write_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


def test_it_prefills_and_rotates_subjects_without_redis(client, mp_template, redis_down):
    response = client.get(write_url(mp_template, postal_code="K1A 0A6", riding="35079"))
    assert response.status_code == 200
    assert response.context["form"].initial["subject"] in mp_template.subjects


def test_it_saves_the_letter_without_redis(client, mp_template, redis_down, represent):
    represent.add("/postcodes/K1A0A6/", {}, status=500)
    response = client.post(mp_template.get_absolute_url(), {"postal_code": "K1A 0A6"})
    assert response.status_code == 302
    response = client.post(write_url(mp_template), {**letter_data(), "send": ""})
    assert response.status_code == 302
    assert Letter.objects.count() == 1
    assert OutboundEmail.objects.filter(purpose="letter_confirmation").count() == 1


def test_it_saves_the_letter_and_keeps_its_email_queued_when_smtp_is_down(
    client, mp_template, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(write_url(mp_template), {**letter_data(), "send": ""})
    assert response.status_code == 302
    letter = Letter.objects.get()
    email = OutboundEmail.objects.get(purpose="letter_confirmation")
    assert email.related == letter
    assert email.status == OutboundEmail.Status.QUEUED  # waits for a retry, not lost
