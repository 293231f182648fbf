"""With Redis down, supporters can still sign and confirm: nothing they submit is lost."""

import socket

import pytest
from django.urls import reverse

from petitions.models import Signature
from petitions.tokens import confirmation_token_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    settings.CACHES = {
        "default": {
            "BACKEND": "campaign.redis_cache.ReusedClientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    from django.core.cache import cache

    with pytest.raises(Exception, match=r"Connection refused|Error"):
        cache.get("anything")


def test_it_signs_confirms_and_shows_the_count_with_redis_down(
    client, petition, valid_form, redis_down
):
    response = client.post(reverse("petitions:sign", kwargs={"slug": "visas"}), valid_form)
    assert response.status_code == 302
    signature = Signature.objects.get()

    token = confirmation_token_make(signature_id=signature.pk)
    response = client.post(reverse("petitions:confirm", kwargs={"token": token}))
    assert response.status_code == 302

    page = client.get(reverse("petitions:detail", kwargs={"slug": "visas"}))
    assert "<strong>1</strong>" in page.content.decode()
    assert client.get("/petitions/visas.json").json()["count"] == 1
