"""A supporter writes once to their MP and to the Minister of Foreign Affairs, on a phone with
JavaScript off, and each gets their own email (issue 17, item 5)."""

import re

import pytest

from letters.models import LetterTemplate
from tests.directory.ministry import carney_ministry
from tests.e2e.test_supporter_journeys import _text, _wait_for_messages
from tests.factories import CampaignFactory, LetterTemplateFactory, TargetFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_site(live_server, settings):
    settings.SITE_URL = live_server.url
    settings.OUTBOX_RATE_LIMITS = {}
    return live_server.url


def test_a_supporter_writes_once_to_their_mp_and_the_minister(phone, live_site, smtp, ottawa):
    offices = carney_ministry()
    template = LetterTemplateFactory(
        campaign=CampaignFactory(),
        kind=LetterTemplate.Kind.MP_AND_TARGETS,
        body="Dear {{ representative_name }},\n\nPlease press for emergency visas.\n\n"
        "Sincerely,\n{{ supporter_name }}",
    )
    template.targets.set(
        [TargetFactory(campaign=template.campaign, office=offices["MFA"], name="", email="")]
    )

    phone.goto(live_site + template.get_absolute_url())
    phone.locator("[name=postal_code]").fill("K1A 0A6")
    phone.get_by_role("button", name="Find my MP").click()
    recipients = phone.locator("#recipients-heading + ul").inner_text()
    assert "Yasir Naqvi" in recipients and "Anita Anand" in recipients
    phone.locator("[name=supporter_name]").fill("Sam Supporter")
    phone.locator("[name=supporter_email]").fill("sam@example.org")
    phone.get_by_role("button", name="Preview my letter").click()
    assert phone.get_by_role("region", name="Letter to Yasir Naqvi").is_visible()
    assert phone.get_by_role("region", name="Letter to Anita Anand").is_visible()
    phone.get_by_role("button", name="Send my letter").click()

    (confirmation,) = _wait_for_messages(smtp, 1)
    confirm_url = re.search(r"https?://\S+/letters/confirm/\S+/", _text(confirmation)).group(0)
    phone.goto(confirm_url)
    phone.get_by_role("button", name="Confirm and send my letter").click()

    letters = {m["To"].lower(): _text(m) for m in _wait_for_messages(smtp, 3)[1:]}
    assert letters["yasir.naqvi@parl.gc.ca"].startswith("Dear Yasir Naqvi,")
    assert letters["anita.anand@parl.gc.ca"].startswith("Dear Anita Anand,")
