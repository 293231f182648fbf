"""Reviewing a draft: each drafted item beside its evidence, accepted or deleted for good."""

from pathlib import Path

import pytest
from django import forms
from django.urls import reverse
from django.utils.html import escape

from campaign import services
from campaign.drafts import services as draft_services
from campaign.models import Campaign, DraftDecision
from tests.factories import CampaignFactory, PetitionFactory, TargetFactory

pytestmark = pytest.mark.django_db

SEED_000 = (Path(__file__).resolve().parents[2] / "seeds" / "000_d3c0cd3696f39fc9.txt").read_text()


@pytest.fixture
def draft():
    return services.documents_import(documents=[("000.txt", SEED_000)]).campaign


def review_url(campaign, action=""):
    name = f"admin:campaign_campaign_review{'_' + action if action else ''}"
    return reverse(name, args=[campaign.pk])


def test_it_shows_each_drafted_item_beside_the_sentence_it_came_from(organiser_client, draft):
    response = organiser_client.get(review_url(draft))

    assert response.status_code == 200
    items = [*draft.petitions.all(), *draft.letter_templates.all(), *draft.donation_links.all()]
    assert items
    for item in items:
        assert escape(item.title if hasattr(item, "title") else item.organisation) in response.text
        assert escape(item.source.evidence_quote[:60]) in response.text
        document_url = reverse(
            "admin:campaign_sourcedocument_change", args=[item.source.document_id]
        )
        assert f"{document_url}#cta-{item.source.pk}" in response.text
    assert "To review" in response.text


def test_it_links_the_campaign_page_to_its_review(organiser_client, draft):
    response = organiser_client.get(reverse("admin:campaign_campaign_change", args=[draft.pk]))

    assert review_url(draft) in response.text


def test_it_remembers_an_accepted_item(organiser_client, draft):
    petition = draft.petitions.get()

    response = organiser_client.post(
        review_url(draft, "accept"), {"item": f"petition:{petition.pk}"}, follow=True
    )

    decision = DraftDecision.objects.get(campaign=draft)
    assert decision.decision == DraftDecision.Decision.ACCEPTED
    assert decision.evidence_quote == petition.source.evidence_quote
    assert "Accepted" in response.text


def test_it_deletes_an_item_and_never_drafts_it_again_from_the_same_sentence(
    organiser_client, draft
):
    petition = draft.petitions.get()

    organiser_client.post(review_url(draft, "delete"), {"item": f"petition:{petition.pk}"})
    report = services.documents_import(documents=[("000.txt", SEED_000)])

    # Another sentence of the document may still give a petition; the deleted one's never.
    assert not draft.petitions.filter(source=petition.source).exists()
    assert DraftDecision.objects.get(campaign=draft).decision == DraftDecision.Decision.DISMISSED
    assert report.campaign == draft


def test_it_keeps_the_call_to_action_of_a_deleted_item_as_evidence(organiser_client, draft):
    petition = draft.petitions.get()
    action = petition.source

    organiser_client.post(review_url(draft, "delete"), {"item": f"petition:{petition.pk}"})
    response = organiser_client.get(review_url(draft))

    action.refresh_from_db()
    assert "Also found, drafted into nothing" in response.text
    assert "deleted or declined" in response.text


def test_it_deletes_nothing_from_a_published_campaign(organiser_client):
    campaign = CampaignFactory()
    petition = PetitionFactory(campaign=campaign)

    response = organiser_client.post(
        review_url(campaign, "delete"), {"item": f"petition:{petition.pk}"}, follow=True
    )

    assert campaign.petitions.filter(pk=petition.pk).exists()
    assert "Not deleted" in response.text
    assert not DraftDecision.objects.exists()


def test_it_answers_404_for_another_campaigns_item(organiser_client, draft):
    other = PetitionFactory(campaign=CampaignFactory(draft=True))

    response = organiser_client.post(review_url(draft, "delete"), {"item": f"petition:{other.pk}"})

    assert response.status_code == 404
    assert other.__class__.objects.filter(pk=other.pk).exists()


def test_it_publishes_the_campaign_from_its_review(organiser_client, draft):
    response = organiser_client.post(review_url(draft, "publish"), follow=True)

    draft.refresh_from_db()
    assert draft.status == Campaign.Status.PUBLISHED
    assert "Published" in response.text


def test_it_lets_data_staff_read_a_review_but_decide_nothing(client, data_staff, draft):
    client.force_login(data_staff)
    petition = draft.petitions.get()

    page = client.get(review_url(draft))
    accept = client.post(review_url(draft, "accept"), {"item": f"petition:{petition.pk}"})
    delete = client.post(review_url(draft, "delete"), {"item": f"petition:{petition.pk}"})
    publish = client.post(review_url(draft, "publish"))

    assert page.status_code == 200
    assert 'name="item"' not in page.text
    assert (accept.status_code, delete.status_code, publish.status_code) == (403, 403, 403)
    assert draft.petitions.exists()
    assert not DraftDecision.objects.exists()


@pytest.mark.parametrize("action", ["", "accept", "delete", "publish"])
def test_it_sends_anonymous_visitors_to_the_login_page(client, draft, action):
    petition = draft.petitions.get()
    url = review_url(draft, action)

    response = client.post(url, {"item": f"petition:{petition.pk}"}) if action else client.get(url)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert draft.petitions.exists()


def test_it_keeps_outsiders_out_of_the_review(client, outsider, draft):
    client.force_login(outsider)

    response = client.get(review_url(draft))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_it_remembers_a_letter_deleted_on_the_campaign_page_but_not_a_removed_recipient(draft):
    letter = draft.letter_templates.first()
    target = TargetFactory(campaign=draft, source=letter.source)

    recorded = draft_services.draft_items_dismissed(campaign=draft, items=[letter, target])

    assert recorded == 1
    assert DraftDecision.objects.get().kind == letter.source.kind


def _change_form_data(response) -> dict:
    """What the campaign's change page would post back unchanged (its form and inlines)."""
    data = {}
    admin_form = response.context["adminform"].form
    for name, field in admin_form.fields.items():
        if isinstance(field, forms.FileField):
            continue  # a browser posts no file back for an unchanged file input
        value = admin_form[name].value()
        if value is not None:
            data[name] = (
                [str(v.pk if hasattr(v, "pk") else v) for v in value]
                if isinstance(value, list)
                else value
            )
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                if value is None or name == "DELETE":
                    continue
                if isinstance(value, list):
                    value = [str(v) for v in value]
                data[form.add_prefix(name)] = value
    return data


def test_it_remembers_an_item_deleted_on_the_campaign_page(organiser_client, draft):
    url = reverse("admin:campaign_campaign_change", args=[draft.pk])
    petition = draft.petitions.get()
    data = _change_form_data(organiser_client.get(url))
    prefix = next(
        key for key, value in data.items() if key.endswith("-id") and value == petition.pk
    )
    data[prefix.replace("-id", "-DELETE")] = "on"

    response = organiser_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert not draft.petitions.exists()
    assert DraftDecision.objects.get().decision == DraftDecision.Decision.DISMISSED


def test_it_remembers_a_petition_deleted_on_its_own_admin_page(admin_client, draft):
    petition = draft.petitions.get()

    response = admin_client.post(
        reverse("admin:petitions_petition_delete", args=[petition.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not draft.petitions.exists()
    dismissed = DraftDecision.objects.get()
    assert dismissed.decision == DraftDecision.Decision.DISMISSED
    assert dismissed.campaign == draft


def test_it_remembers_letters_deleted_together_from_their_admin_list(admin_client, draft):
    templates = list(draft.letter_templates.all())
    assert templates

    response = admin_client.post(
        reverse("admin:letters_lettertemplate_changelist"),
        {"action": "delete_selected", "_selected_action": [t.pk for t in templates], "post": "yes"},
    )

    assert response.status_code == 302
    assert not draft.letter_templates.exists()
    assert DraftDecision.objects.filter(
        campaign=draft, decision=DraftDecision.Decision.DISMISSED
    ).count() == len({t.source.evidence_quote for t in templates if t.source})
