"""A call page as supporters use it: what to say, the numbers, and "I called" counted once per
supporter per office, without JavaScript or accounts."""

import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from campaign.calls import supporters
from campaign.calls.services import CallsClosed, call_record
from campaign.checks import check_call_settings
from campaign.models import Call
from tests.factories import CallFactory, CallPageFactory, CampaignFactory, OfficeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    return CampaignFactory(slug="odsp", title="Double ODSP rates")


@pytest.fixture
def ford(campaign):
    return OfficeFactory(campaign=campaign, name="Doug Ford", role="Premier", phone="416-325-1941")


@pytest.fixture
def piccini(campaign):
    return OfficeFactory(
        campaign=campaign, name="David Piccini", role="Minister of Labour", phone="416-326-7600"
    )


@pytest.fixture
def page(campaign, ford, piccini):
    return CallPageFactory(
        campaign=campaign,
        slug="call-the-premier",
        title="Call Doug Ford and David Piccini",
        script="Hello, my name is [your name].\n\nI am calling to ask you to double ODSP rates.",
        offices=[ford, piccini],
    )


def press(client, page, office):
    return client.post(page.get_absolute_url(), {"office": office.pk})


def counted(page, office=None) -> int:
    calls = Call.objects.filter(page=page)
    return (calls.filter(target=office) if office else calls).count()


# --- The page ---------------------------------------------------------------------------------


def test_it_shows_the_script(client, page):
    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    assert "<p>I am calling to ask you to double ODSP rates.</p>" in response.text


def test_it_gives_each_number_as_a_tel_link_with_the_office_it_reaches(client, page):
    response = client.get(page.get_absolute_url())

    assert 'href="tel:+14163251941">416-325-1941</a>' in response.text
    assert 'href="tel:+14163267600">416-326-7600</a>' in response.text
    assert "Doug Ford, Premier" in response.text
    assert "David Piccini, Minister of Labour" in response.text


def test_it_labels_each_button_with_the_office_it_counts_for(client, page, ford):
    response = client.get(page.get_absolute_url())

    assert re.search(
        rf'name="office" value="{ford.pk}">\s*<button type="submit" class="btn btn-primary">'
        r"I called the office of Doug Ford, Premier</button>",
        response.text,
    )


def test_it_shows_the_count_per_office_and_in_total(client, page, ford, piccini):
    CallFactory.create_batch(2, page=page, target=ford)
    CallFactory(page=page, target=piccini)
    CallFactory(page=CallPageFactory(campaign=page.campaign, offices=[ford]), target=ford)

    response = client.get(page.get_absolute_url())

    assert "3 calls made so far." in response.text
    assert "2 calls so far" in response.text
    assert "1 call so far" in response.text


def test_it_is_listed_among_the_campaigns_actions(client, page):
    response = client.get(page.campaign.get_absolute_url())

    assert f'href="{page.get_absolute_url()}">Make the call' in response.text


def test_it_answers_404_for_a_draft_campaigns_call_page(client, page):
    page.campaign.status = "draft"
    page.campaign.save()

    assert client.get(page.get_absolute_url()).status_code == 404
    assert press(client, page, page.targets.first()).status_code == 404
    thanks = reverse("campaign:call_thanks", kwargs={"campaign": "odsp", "slug": page.slug})
    assert client.get(thanks).status_code == 404


def test_it_shows_a_closed_campaigns_call_page_read_only(client, page):
    page.campaign.status = "closed"
    page.campaign.save()

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    assert "This campaign is closed" in response.text
    assert "<form" not in response.text
    assert "I called" not in response.text
    assert 'href="tel:' not in response.text


def test_it_refuses_a_press_on_a_closed_campaign(client, page, ford):
    page.campaign.status = "closed"
    page.campaign.save()

    response = press(client, page, ford)

    assert response.status_code == 409
    assert counted(page) == 0


def test_it_is_never_cached_as_it_carries_the_visitors_csrf_token(client, page):
    response = client.get(page.get_absolute_url())

    assert "no-store" in response["Cache-Control"]
    assert "chorus_caller" not in response.cookies


# --- Counting -----------------------------------------------------------------------------------


def test_it_counts_a_press_and_thanks_the_supporter(client, page, ford):
    response = press(client, page, ford)

    assert response.status_code == 302
    assert response["Location"] == f"/calls/odsp/{page.slug}/thanks/"
    assert counted(page, ford) == 1
    thanks = client.get(response["Location"])
    assert "Thank you for calling" in thanks.text


def test_it_counts_a_supporter_once_per_office(client, page, ford):
    press(client, page, ford)

    press(client, page, ford)

    assert counted(page, ford) == 1


def test_it_thanks_a_repeat_press_as_it_thanks_the_first(client, page, ford):
    first = press(client, page, ford)

    again = press(client, page, ford)

    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])


def test_it_counts_the_same_supporter_again_for_another_office(client, page, ford, piccini):
    press(client, page, ford)

    press(client, page, piccini)

    assert (counted(page, ford), counted(page, piccini)) == (1, 1)
    assert Call.objects.values("supporter").distinct().count() == 1


def test_it_counts_a_second_supporter(page, ford):
    press(Client(), page, ford)

    press(Client(), page, ford)

    assert counted(page, ford) == 2


def test_it_counts_nothing_for_a_second_record_of_the_same_call(page, ford):
    supporter = uuid.uuid4()
    assert call_record(page=page, target=ford, supporter=supporter) is True

    assert call_record(page=page, target=ford, supporter=supporter) is False
    assert counted(page) == 1


def test_it_refuses_to_record_a_call_for_a_campaign_that_is_not_published(page, ford):
    page.campaign.status = "draft"

    with pytest.raises(CallsClosed):
        call_record(page=page, target=ford, supporter=uuid.uuid4())
    assert counted(page) == 0


def test_it_refuses_an_office_that_is_not_on_the_page(client, page, campaign):
    elsewhere = OfficeFactory(campaign=campaign)

    response = press(client, page, elsewhere)

    assert response.status_code == 400
    assert counted(page) == 0


# --- The supporter cookie -------------------------------------------------------------------------


def test_it_sets_a_signed_supporter_cookie_on_the_first_press(client, page, ford):
    response = press(client, page, ford)

    cookie = response.cookies[supporters.COOKIE_NAME]
    supporter = Call.objects.get().supporter
    assert cookie.value != supporter.hex
    assert cookie.value.startswith(supporter.hex + ":")  # value:signature
    assert cookie["path"] == "/calls/"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_it_sets_the_cookie_only_once(client, page, ford, piccini):
    press(client, page, ford)

    response = press(client, page, piccini)

    assert supporters.COOKIE_NAME not in response.cookies


def test_it_ignores_and_replaces_a_forged_supporter_cookie(client, page, ford):
    someone = CallFactory(page=page, target=ford).supporter
    client.cookies[supporters.COOKIE_NAME] = f"{someone.hex}:forged-signature"

    response = press(client, page, ford)

    assert counted(page, ford) == 2
    new = Call.objects.exclude(supporter=someone).get().supporter
    assert response.cookies[supporters.COOKIE_NAME].value.startswith(new.hex + ":")


def test_it_ignores_a_cookie_signed_for_something_else(client, page, ford):
    from django.core.signing import get_cookie_signer

    someone = CallFactory(page=page, target=ford).supporter
    other_salt = get_cookie_signer(salt=supporters.COOKIE_NAME + "another").sign(someone.hex)
    client.cookies[supporters.COOKIE_NAME] = other_salt

    press(client, page, ford)

    assert counted(page, ford) == 2


# --- The rate limit -------------------------------------------------------------------------------


@pytest.fixture
def two_an_hour(settings):
    settings.CALLS_FIRST_PRESS_RATELIMIT = "2/h"


def test_it_counts_nothing_over_the_rate_limit_and_thanks_all_the_same(two_an_hour, page, ford):
    for _ in range(2):
        press(Client(), page, ford)  # a new browser each time, as if the cookie were cleared

    response = press(Client(), page, ford)

    assert counted(page, ford) == 2
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    assert supporters.COOKIE_NAME not in response.cookies


def test_it_limits_each_client_address_on_its_own(two_an_hour, page, ford):
    for _ in range(2):
        press(Client(REMOTE_ADDR="192.0.2.1"), page, ford)

    press(Client(REMOTE_ADDR="192.0.2.2"), page, ford)

    assert counted(page, ford) == 3


def test_it_never_limits_a_supporter_who_has_the_cookie(two_an_hour, client, page, ford, piccini):
    press(client, page, ford)
    press(Client(), page, ford)

    press(client, page, piccini)

    assert (counted(page, ford), counted(page, piccini)) == (2, 1)


def test_it_counts_presses_when_the_rate_limit_cannot_be_read(client, page, ford, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("campaign.client_addresses.is_ratelimited", broken)

    press(client, page, ford)

    assert counted(page, ford) == 1


# --- Without JavaScript ---------------------------------------------------------------------------


def test_it_counts_a_press_from_the_plain_form_with_its_csrf_token(page, ford):
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(page.get_absolute_url()).text
    form = re.search(
        rf'<form method="post" action="(?P<action>[^"]+)">\s*'
        r'<input type="hidden" name="csrfmiddlewaretoken" value="(?P<token>[^"]+)">\s*'
        rf'<input type="hidden" name="office" value="{ford.pk}">',
        html,
    )

    response = browser.post(
        form["action"], {"csrfmiddlewaretoken": form["token"], "office": ford.pk}
    )

    assert response.status_code == 302
    assert counted(page, ford) == 1


def test_it_refuses_a_press_without_the_csrf_token(page, ford):
    response = press(Client(enforce_csrf_checks=True), page, ford)

    assert response.status_code == 403
    assert counted(page) == 0


# --- The admin ------------------------------------------------------------------------------------


def test_it_shows_organisers_the_call_pages_with_their_counts(organiser_client, page, ford):
    CallFactory.create_batch(2, page=page, target=ford)

    response = organiser_client.get(
        reverse("admin:campaign_campaign_change", args=[page.campaign.pk])
    )

    assert response.status_code == 200
    assert "2 calls in all" in response.text
    assert "<li>Doug Ford, Premier: 2</li>" in response.text
    assert "<li>David Piccini, Minister of Labour: 0</li>" in response.text


# --- Settings -------------------------------------------------------------------------------------


def test_it_refuses_to_start_with_a_rate_limit_it_cannot_read(settings):
    settings.CALLS_FIRST_PRESS_RATELIMIT = "twenty an hour"

    assert [error.id for error in check_call_settings(None)] == ["calls.E001"]
