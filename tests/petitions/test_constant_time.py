"""Signing answers a known address exactly as it answers a new one, in the same time.

On an asylum campaign, knowing that an address signed is dangerous: the page says nothing,
so the request must not either, by its queries or its time (issue "7/10 Hardening", item 3).
Whatever differs (re-sending a confirmation, or nothing) is decided by the email worker.
"""

import pytest
from django.urls import reverse

from petitions.models import Signature
from tests.timing.helpers import answered, interleaved_timings, timings_agree, visible

pytestmark = pytest.mark.django_db


def _url(petition):
    return reverse("petitions:sign", kwargs={"slug": petition.slug})


@pytest.mark.parametrize(
    "extra",
    [{}, {"website": "http://spam.example"}, {"show_name": "on", "comment": "Please act."}],
    ids=["plain", "honeypot", "with-comment"],
)
@pytest.mark.parametrize("earlier", ["unconfirmed", "confirmed"])
def test_signing_a_known_address_runs_the_same_queries_and_answers_the_same(
    client, petition, valid_form, extra, earlier
):
    url = _url(petition)
    client.post(url, {**valid_form, "email": "known@example.org"})
    if earlier == "confirmed":
        Signature.objects.update(confirmed_at="2026-01-01T00:00Z")
    client.post(url, {**valid_form, "email": "warm-up@example.org"})  # statement prepared

    new, new_queries = answered(client, url, {**valid_form, **extra, "email": "new@example.org"})
    known, known_queries = answered(
        client, url, {**valid_form, **extra, "email": "Known+again@Example.org"}
    )

    assert known_queries == new_queries
    assert visible(known) == visible(new)
    assert new.status_code == 302


@pytest.mark.timing
def test_signing_a_known_address_takes_as_long_as_a_new_one(client, petition, valid_form):
    url = _url(petition)
    runs = iter(range(100))

    def measure():
        run = next(runs)
        # Each known address signed once before, as a stranger would probe many addresses.
        for i in range(200):
            client.post(url, {**valid_form, "email": f"known-{run}-{i}@example.org"})

        def post_new(i):
            client.post(url, {**valid_form, "email": f"new-{run}-{i}@example.org"})

        def post_known(i):
            client.post(url, {**valid_form, "email": f"known-{run}-{i}@example.org"})

        return interleaved_timings(post_new, post_known, pairs=200)

    agree, timings = timings_agree(measure)

    print("\nsigning:", "; ".join(str(t) for t in timings))
    assert agree, "; ".join(str(t) for t in timings)
