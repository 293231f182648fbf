"""The signatures admin: fast on big tables, filters, moderation, and the per-day chart."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaign.outbox.models import OutboundEmail
from petitions.models import Signature
from petitions.selectors import petition_count
from tests.factories.campaign import CallToActionFactory, CampaignFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:petitions_signature_changelist")


def test_it_lists_signatures_without_counting_the_whole_table(
    organiser_client, petition, django_assert_max_num_queries
):
    SignatureFactory.create_batch(5, petition=petition)

    with django_assert_max_num_queries(12) as captured:
        response = organiser_client.get(CHANGELIST)

    assert response.status_code == 200
    sql = [q["sql"] for q in captured.captured_queries]
    # Only a capped count (COUNT over a LIMITed subquery), never a bare COUNT(*) of the table.
    counts = [q for q in sql if "COUNT(" in q.upper() and "petitions_signature" in q]
    assert counts and all("LIMIT" in q.upper() for q in counts)
    # No filter lists the distinct values of a column (a scan of the table).
    assert not [q for q in sql if "DISTINCT" in q.upper() and "petitions_signature" in q]
    # The petition of each row comes with it, not one query per row.
    assert sum('FROM "petitions_petition"' in q for q in sql) <= 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("confirmed=yes", {"Confirmed"}),
        ("confirmed=no", {"Pending", "Flagged"}),
        ("is_flagged__exact=1", {"Flagged"}),
        ("newsletter_opt_in__exact=1", {"Confirmed"}),
    ],
)
def test_it_filters_signatures(organiser_client, petition, query, expected):
    SignatureFactory(
        petition=petition, first_name="Confirmed", confirmed=True, newsletter_opt_in=True
    )
    SignatureFactory(petition=petition, first_name="Pending")
    SignatureFactory(petition=petition, first_name="Flagged", flagged=True)

    response = organiser_client.get(f"{CHANGELIST}?{query}")

    shown = {s.first_name for s in response.context["cl"].result_list}
    assert shown == expected


def test_it_filters_signatures_by_date(organiser_client, petition):
    old = SignatureFactory(petition=petition, first_name="Old")
    Signature.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    SignatureFactory(petition=petition, first_name="Today")

    response = organiser_client.get(
        CHANGELIST,
        {
            "created_at__gte": str(
                timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
            )
        },
    )

    assert {s.first_name for s in response.context["cl"].result_list} == {"Today"}


def test_it_finds_a_signature_by_any_variant_of_its_address(organiser_client, petition):
    SignatureFactory(petition=petition, email="jane.doe@gmail.com", first_name="Jane")
    SignatureFactory(petition=petition)

    response = organiser_client.get(CHANGELIST, {"q": "JaneDoe+x@gmail.com"})

    assert [s.first_name for s in response.context["cl"].result_list] == ["Jane"]


def test_it_lets_an_organiser_hide_a_comment(organiser_client, petition):
    signature = SignatureFactory(petition=petition, public=True, comment="Rude words")

    response = organiser_client.post(
        CHANGELIST, {"action": "hide_comments", "_selected_action": [signature.pk]}
    )

    assert response.status_code == 302
    assert Signature.objects.get().comment_hidden is True
    page = organiser_client.get(reverse("petitions:detail", kwargs={"slug": "visas"}))
    assert "Rude words" not in page.content.decode()


def test_it_does_not_let_data_staff_hide_comments(client, data_staff, petition):
    signature = SignatureFactory(petition=petition, comment="Words")
    client.force_login(data_staff)

    client.post(CHANGELIST, {"action": "hide_comments", "_selected_action": [signature.pk]})

    assert Signature.objects.get().comment_hidden is False


def test_it_lets_an_organiser_clear_a_flag_and_send_the_confirmation(organiser_client, petition):
    signature = SignatureFactory(petition=petition, flagged=True, confirmation_sends=0)

    organiser_client.post(CHANGELIST, {"action": "clear_flags", "_selected_action": [signature.pk]})

    signature.refresh_from_db()
    assert (signature.is_flagged, signature.confirmation_sends) == (False, 1)
    assert OutboundEmail.objects.filter(to=signature.email).count() == 1


def test_it_counts_a_confirmed_signature_once_its_flag_is_cleared(organiser_client, petition):
    signature = SignatureFactory(petition=petition, confirmed=True, flagged=True)
    assert petition_count(petition=petition) == 0

    organiser_client.post(CHANGELIST, {"action": "clear_flags", "_selected_action": [signature.pk]})

    assert petition_count(petition=petition) == 1


def test_it_sends_no_confirmation_when_clearing_the_flag_of_a_confirmed_signature(
    organiser_client, petition
):
    signature = SignatureFactory(petition=petition, confirmed=True, flagged=True)

    organiser_client.post(CHANGELIST, {"action": "clear_flags", "_selected_action": [signature.pk]})

    assert not OutboundEmail.objects.exists()


def test_it_charts_signatures_per_day_for_a_petition(organiser_client, petition):
    for days_ago, n in [(2, 3), (0, 1)]:
        for signature in SignatureFactory.create_batch(n, petition=petition, confirmed=True):
            Signature.objects.filter(pk=signature.pk).update(
                created_at=timezone.now() - timedelta(days=days_ago)
            )

    response = organiser_client.get(reverse("admin:petitions_petition_per_day", args=[petition.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="chart-title"' in html
    assert '<script src="http' not in html
    assert [(r["day"].signed, r["day"].confirmed) for r in response.context["rows"]] == [
        (3, 3),
        (1, 1),
    ]


def test_it_keeps_the_chart_from_people_without_access(client, outsider, petition):
    client.force_login(outsider)

    response = client.get(reverse("admin:petitions_petition_per_day", args=[petition.pk]))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_it_lets_data_staff_read_but_not_change_signatures(client, data_staff, petition):
    signature = SignatureFactory(petition=petition)
    client.force_login(data_staff)

    assert client.get(CHANGELIST).status_code == 200
    response = client.post(
        reverse("admin:petitions_signature_change", args=[signature.pk]),
        {"first_name": "Changed", "last_name": "X", "comment": ""},
    )
    assert response.status_code == 403


def test_it_shows_an_organisers_edit_on_the_public_page_at_once(organiser_client, petition):
    page_url = reverse("petitions:detail", kwargs={"slug": "visas"})
    organiser_client.get(page_url)

    response = organiser_client.post(
        reverse("admin:petitions_petition_change", args=[petition.pk]),
        {
            "campaign": petition.campaign_id,
            "title": "Issue emergency visas now",
            "slug": "visas",
            "demand": petition.demand,
            "addressed_to": petition.addressed_to,
            "goal": 5000,
            "target_update_every": 0,
            "status": "open",
        },
    )

    assert response.status_code == 302
    assert "Issue emergency visas now" in organiser_client.get(page_url).content.decode()


def test_it_clears_a_flag_even_when_the_cache_is_down(organiser_client, petition, monkeypatch):
    from django.core.cache import cache

    signature = SignatureFactory(petition=petition, confirmed=True, flagged=True)

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "set", broken)

    response = organiser_client.post(
        CHANGELIST, {"action": "clear_flags", "_selected_action": [signature.pk]}
    )

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.is_flagged is False


def test_it_shows_the_sentence_a_petition_was_drafted_from(organiser_client):
    action = CallToActionFactory(evidence_quote="Sign our petition for emergency visas.")
    petition = PetitionFactory(campaign=action.campaign, source=action)

    response = organiser_client.get(reverse("admin:petitions_petition_change", args=[petition.pk]))

    assert response.status_code == 200
    assert "<q>Sign our petition for emergency visas.</q>" in response.content.decode()


def test_it_lets_an_organiser_show_a_hidden_comment_again(organiser_client, petition):
    signature = SignatureFactory(
        petition=petition, public=True, comment="Fair point", comment_hidden=True
    )

    organiser_client.post(
        CHANGELIST, {"action": "show_comments", "_selected_action": [signature.pk]}
    )

    assert Signature.objects.get().comment_hidden is False
    page = organiser_client.get(reverse("petitions:detail", kwargs={"slug": "visas"}))
    assert "Fair point" in page.content.decode()


def test_it_cannot_open_a_petition_inside_a_closed_campaign(organiser_client, valid_form):
    petition = PetitionFactory(campaign=CampaignFactory(closed=True), slug="visas")

    organiser_client.post(
        reverse("admin:petitions_petition_change", args=[petition.pk]),
        {
            "campaign": petition.campaign_id,
            "title": petition.title,
            "slug": petition.slug,
            "demand": petition.demand,
            "addressed_to": petition.addressed_to,
            "goal": petition.goal,
            "status": "open",
        },
    )
    response = Client().post(reverse("petitions:sign", kwargs={"slug": "visas"}), valid_form)

    assert response.status_code == 409
    assert not Signature.objects.exists()


def test_an_organiser_reads_a_signers_name_and_comment_but_not_how_to_reach_them(
    organiser_client, petition
):
    signature = SignatureFactory(
        petition=petition, email="ana.lima@example.org", postal_code="K1A 0A6", comment="Yes."
    )

    page = organiser_client.get(reverse("admin:petitions_signature_change", args=[signature.pk]))

    assert page.status_code == 200
    assert signature.first_name in page.text and "Yes." in page.text
    assert "ana.lima@example.org" not in page.text
    assert "K1A 0A6" not in page.text


def test_data_staff_read_how_to_reach_a_signer(client, data_staff, petition):
    signature = SignatureFactory(petition=petition, email="ana.lima@example.org")
    client.force_login(data_staff)

    page = client.get(reverse("admin:petitions_signature_change", args=[signature.pk]))

    assert "ana.lima@example.org" in page.text
