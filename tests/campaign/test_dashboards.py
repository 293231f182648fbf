"""The admin dashboards: the live campaigns on the index, and each campaign's page."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from campaign.dashboards.charts import describe, plot
from campaign.dashboards.periods import counts_per_day, running_total, window_ending_today
from campaign.dashboards.registry import Chart, Series
from campaign.dashboards.selectors import admin_index_dashboard, campaign_dashboard
from letters.purposes import LetterPurpose
from petitions.models import Signature
from tests.factories import CallFactory, CallPageFactory, CampaignFactory, OutboundEmailFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.get_fixed_timezone(-300))


def _sent_letter(campaign, **letter):
    recipient = LetterRecipientFactory(
        letter=LetterFactory(
            template__campaign=campaign, status="confirmed", confirmed_at=timezone.now(), **letter
        )
    )
    email = OutboundEmailFactory(purpose=LetterPurpose.LETTER, status="sent")
    recipient.message_id = email.message_id
    recipient.save()
    return recipient


# --- Periods and charts ------------------------------------------------------------------


def test_it_counts_rows_per_day_in_the_sites_time_zone_with_zeros_for_quiet_days():
    petition = PetitionFactory()
    with time_machine.travel(NOON, tick=False):
        window = window_ending_today(3)
        for days_ago in (0, 0, 2):
            SignatureFactory(
                petition=petition, confirmed_at=timezone.now() - timedelta(days=days_ago)
            )

        per_day = counts_per_day(Signature.objects.all(), field="confirmed_at", window=window)

    assert window.days == [date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20)]
    assert per_day == [1, 0, 2]


def test_a_running_total_starts_from_what_came_before_the_window():
    assert running_total([1, 0, 2], before=10) == [11, 11, 13]


def test_a_chart_is_scaled_to_its_peak_and_described_in_words():
    chart = Chart(
        title="Signatures per day",
        days=[date(2026, 11, 18), date(2026, 11, 19)],
        series=[Series(label="signed", values=[5, 10])],
        kind="bars",
    )

    drawn = plot(chart, width=248, height=132)

    (bars,) = [series.bars for series in drawn.series]
    assert bars[1].y == drawn.top  # the peak touches the top
    assert bars[0].height == pytest.approx(bars[1].height / 2, abs=0.1)
    assert "15 in all" in describe(chart) and "(10)" in describe(chart)


# --- The admin index -----------------------------------------------------------------------


def test_the_index_shows_each_live_campaigns_signatures_letters_and_calls():
    campaign = CampaignFactory(title="Visas now")
    petition = PetitionFactory(campaign=campaign)
    SignatureFactory.create_batch(3, petition=petition, confirmed=True)
    SignatureFactory(petition=petition)  # not confirmed yet
    SignatureFactory(petition=petition, confirmed=True, flagged=True)  # never counted
    SignatureFactory(
        petition=petition, confirmed_at=timezone.now() - timedelta(days=3)
    )  # counted, not today
    _sent_letter(campaign)
    CallFactory(page=CallPageFactory(campaign=campaign))
    CampaignFactory(draft=True, title="Not live")

    dashboard = admin_index_dashboard()

    (row,) = dashboard.rows
    assert row.campaign == campaign
    figures = dict(zip(map(str, dashboard.columns), row.values, strict=True))
    assert figures == {
        "Signatures today": 3,
        "Signatures": 4,
        "Confirmation rate": "80%",  # 4 of the 5 signatures not flagged
        "Letters sent": 1,
        "Calls": 1,
    }


def test_letters_written_in_test_mode_or_not_yet_sent_are_not_counted_as_sent():
    campaign = CampaignFactory()
    _sent_letter(campaign, test_mode=True)
    LetterRecipientFactory(letter=LetterFactory(template__campaign=campaign))  # no email sent

    (row,) = admin_index_dashboard().rows

    assert row.values[3] == "—"


def test_the_index_shows_the_outbox_health_with_the_oldest_queued_email():
    with time_machine.travel(NOON, tick=False):
        OutboundEmailFactory(created_at=timezone.now() - timedelta(hours=2))
        OutboundEmailFactory(status="sent")
        OutboundEmailFactory(failed=True)

        health = admin_index_dashboard().outbox

        assert health.counts["queued"] == 1
        assert health.counts["sent"] == 1
        assert health.counts["failed"] == 1
        assert health.oldest_queued_age == timedelta(hours=2)


def test_an_organiser_sees_the_figures_on_the_admin_index(organiser_client):
    CampaignFactory(title="Visas now")

    response = organiser_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert b"Live campaigns" in response.content
    assert b"Visas now" in response.content


def test_staff_who_may_not_read_campaigns_get_the_index_without_figures(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("dave", is_staff=True))
    CampaignFactory(title="Visas now")

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert b"Visas now" not in response.content


# --- A campaign's page ---------------------------------------------------------------------


def test_a_campaigns_page_has_signatures_per_day_cumulative_letters_calls_and_its_outbox(
    organiser,
):
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign, title="Issue visas")
    SignatureFactory(petition=petition, confirmed_at=timezone.now() - timedelta(days=400))
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)
    recipient = _sent_letter(campaign)
    CallFactory(page=CallPageFactory(campaign=campaign, title="Call the Premier"))

    dashboard = campaign_dashboard(campaign=campaign, days=30, user=organiser)

    titles = [section.title for section in dashboard.sections]
    assert titles == ["Petition: Issue visas", "Letters", "Calls", "Outbox"]
    petition_section = dashboard.sections[0]
    (per_day, per_day_plot, _), (cumulative, *_) = petition_section.charts
    assert per_day.series[1].values[-1] == 2
    assert cumulative.series[0].values[0] == 1  # the signature of 400 days ago
    assert cumulative.series[0].values[-1] == 3
    assert "confirmed and counted: 2 in all" in per_day_plot.description
    letters = dashboard.sections[1]
    assert recipient.letter.riding is None
    assert letters.tables[1].rows == [("Riding not known", 1)]
    calls = dashboard.sections[2]
    assert calls.tables[0].rows[0][1] == 1


def test_the_campaigns_outbox_chart_counts_its_own_emails_by_status(organiser):
    campaign = CampaignFactory()
    signature = SignatureFactory(petition=PetitionFactory(campaign=campaign))
    OutboundEmailFactory(related=signature, status="sent")
    OutboundEmailFactory(related=signature, failed=True)
    OutboundEmailFactory(related=SignatureFactory(), status="sent")  # another campaign's

    dashboard = campaign_dashboard(campaign=campaign, days=30, user=organiser)

    (chart, _, _) = dashboard.sections[-1].charts[0]
    last_day = {str(series.label): series.values[-1] for series in chart.series}
    assert last_day == {"queued": 0, "sent": 1, "failed": 1}


def test_the_page_draws_accessible_charts_with_their_figures_as_tables(organiser_client):
    campaign = CampaignFactory()
    SignatureFactory(petition=PetitionFactory(campaign=campaign), confirmed=True)

    response = organiser_client.get(
        reverse("admin:campaign_campaign_dashboard", args=[campaign.pk])
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chorus-chart" role="img" aria-labelledby="chart-1-1-title' in html
    assert "<desc id=" in html
    assert "The figures, as a table" in html
    assert "<script" not in html.split('id="content-main"')[1]
    assert " style=" not in html.split('id="content-main"')[1]


def test_the_campaign_change_page_links_to_its_dashboard(organiser_client):
    campaign = CampaignFactory()

    response = organiser_client.get(reverse("admin:campaign_campaign_change", args=[campaign.pk]))

    assert (
        reverse("admin:campaign_campaign_dashboard", args=[campaign.pk])
        in response.content.decode()
    )


def test_a_period_the_page_does_not_offer_is_refused_naming_it(organiser_client):
    campaign = CampaignFactory()

    response = organiser_client.get(
        reverse("admin:campaign_campaign_dashboard", args=[campaign.pk]), {"days": "<b>7</b>"}
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "“<b>7</b>” is not a period this page shows" in response.content.decode()


def test_only_those_who_may_print_signers_see_the_link_to_the_delivery_list(organiser, data_staff):
    campaign = CampaignFactory()
    PetitionFactory(campaign=campaign)

    def links(user):
        (section, *_) = campaign_dashboard(campaign=campaign, days=30, user=user).sections
        return [link.label for link in section.links]

    assert "Printable list of signers for the target" not in links(organiser)
    assert "Printable list of signers for the target" in links(data_staff)


# --- Roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("outsider", 302),
        ("organiser", 200),
        ("data_staff", 200),
        ("admin_user", 200),
    ],
)
def test_who_may_open_a_campaigns_dashboard(client, request, persona, status):
    campaign = CampaignFactory()
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("admin:campaign_campaign_dashboard", args=[campaign.pk]))

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("admin:login"))


def test_staff_who_may_not_read_campaigns_get_403_from_a_dashboard(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("dave", is_staff=True))

    response = client.get(reverse("admin:campaign_campaign_dashboard", args=[CampaignFactory().pk]))

    assert response.status_code == 403
