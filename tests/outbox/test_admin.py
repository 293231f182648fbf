"""The outbox in the admin: counts per status, filters, last error, retry and cancel."""

import pytest
from django.core import mail

from campaign.outbox import selectors
from campaign.outbox.models import OutboundEmail
from tests.factories.outbox import OutboundEmailFactory, SuppressionFactory

pytestmark = pytest.mark.django_db

URL = "/admin/outbox/outboundemail/"
Status = OutboundEmail.Status


def test_it_shows_how_many_emails_are_in_each_status(organiser_client):
    OutboundEmailFactory.create_batch(3)
    OutboundEmailFactory(failed=True)

    page = organiser_client.get(URL).content.decode()

    assert "Queue by status" in page
    assert "Queued</a>: <strong>3</strong>" in page
    assert "Failed</a>: <strong>1</strong>" in page
    assert "Sent</a>: <strong>0</strong>" in page


def test_it_filters_by_status_and_shows_the_last_error(organiser_client):
    OutboundEmailFactory(failed=True, last_error="SMTP 550 5.1.1 No such user")
    OutboundEmailFactory(to="queued@example.org")

    page = organiser_client.get(URL, {"status__exact": "failed"}).content.decode()

    assert "SMTP 550 5.1.1 No such user" in page
    assert "queued@example.org" not in page


def test_it_retries_failed_emails_from_the_list(
    organiser_client, django_capture_on_commit_callbacks
):
    failed = OutboundEmailFactory(failed=True)
    sent = OutboundEmailFactory(status=Status.SENT)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            URL, {"action": "retry", "_selected_action": [failed.pk, sent.pk]}, follow=True
        )

    assert "1 email queued again." in response.content.decode()
    failed.refresh_from_db()
    sent.refresh_from_db()
    assert failed.status == Status.SENT  # published on commit, delivered (eager in tests)
    assert sent.status == Status.SENT and len(mail.outbox) == 1


def test_it_cancels_queued_emails_but_not_sent_ones(organiser_client):
    queued = OutboundEmailFactory()
    sent = OutboundEmailFactory(status=Status.SENT)

    organiser_client.post(URL, {"action": "cancel", "_selected_action": [queued.pk, sent.pk]})

    queued.refresh_from_db()
    sent.refresh_from_db()
    assert (queued.status, sent.status) == (Status.CANCELLED, Status.SENT)


def test_it_lets_data_staff_look_but_not_act(client, data_staff):
    client.force_login(data_staff)
    queued = OutboundEmailFactory()

    response = client.post(URL, {"action": "cancel", "_selected_action": [queued.pk]})

    assert response.status_code == 403
    queued.refresh_from_db()
    assert queued.status == Status.QUEUED


def test_it_does_not_count_the_whole_table_again_on_a_filtered_page(
    organiser_client, django_assert_max_num_queries
):
    OutboundEmailFactory.create_batch(3)

    with django_assert_max_num_queries(20) as captured:
        organiser_client.get(URL, {"status__exact": "failed"})

    counts = [q["sql"] for q in captured.captured_queries if "COUNT(*)" in q["sql"]]
    assert counts and all("WHERE" in sql for sql in counts)


def test_it_lists_the_queue_counting_at_most_a_capped_number_of_rows(
    organiser_client, django_assert_max_num_queries
):
    OutboundEmailFactory.create_batch(3)

    with django_assert_max_num_queries(20) as captured:
        response = organiser_client.get(URL)

    assert response.status_code == 200
    list_counts = [
        q["sql"]
        for q in captured.captured_queries
        if "COUNT(" in q["sql"].upper() and "GROUP BY" not in q["sql"].upper()
    ]
    # The per-status summary groups; the list itself never counts the whole table.
    assert list_counts and all("LIMIT" in sql.upper() for sql in list_counts)


def test_it_suppresses_an_address_by_hand_and_cancels_what_is_queued_for_it(organiser_client):
    queued = OutboundEmailFactory(to="moved.away@example.org")

    response = organiser_client.post(
        "/admin/outbox/suppression/add/",
        {"address": "Moved.Away@example.org", "reason": "manual", "detail": "Asked by phone"},
    )

    assert response.status_code == 302
    queued.refresh_from_db()
    assert queued.status == Status.CANCELLED
    assert queued.last_error == "Not sent: the address is suppressed (Suppressed by staff)."
    assert selectors.is_suppressed("moved.away@example.org")


def test_it_refuses_to_edit_a_suppression_into_an_address_already_suppressed(admin_client):
    SuppressionFactory(address="first@example.org")
    second = SuppressionFactory(address="second@example.org")

    response = admin_client.post(
        f"/admin/outbox/suppression/{second.pk}/change/",
        {"address": "First@Example.org", "reason": "manual", "detail": ""},
    )

    assert response.status_code == 200
    assert "address" in response.context["adminform"].form.errors
    second.refresh_from_db()
    assert second.address == "second@example.org"


def test_it_never_shows_a_live_confirmation_or_status_link(organiser_client, settings):
    settings.SITE_URL = "https://chorus.example"
    links = [
        "https://chorus.example/letters/confirm/MTI:1u2v3w:Abc-_def/",
        "https://chorus.example/letters/status/MTI:1u2v3w:Xyz-_uvw/",
        "https://chorus.example/petitions/confirm/NDI:1u2v3w:Qrs-_tuv/",
    ]
    email = OutboundEmailFactory(
        body_text="Open this link:\n" + "\n".join(links),
        body_html="".join(f'<a href="{link}">{link}</a>' for link in links),
        headers={"List-Unsubscribe": f"<{links[1]}>"},
    )

    page = organiser_client.get(f"{URL}{email.pk}/change/").content.decode()

    for token in ("MTI:1u2v3w:Abc-_def", "MTI:1u2v3w:Xyz-_uvw", "NDI:1u2v3w:Qrs-_tuv"):
        assert token not in page
    assert "https://chorus.example/letters/confirm/[link removed]/" in page
    assert "Open this link:" in page


def test_the_purpose_filter_offers_the_labels_the_apps_registered(organiser_client):
    OutboundEmailFactory(purpose="letter")
    OutboundEmailFactory(purpose="signature_confirmation")

    response = organiser_client.get(URL, {"purpose": "letter"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Signature confirmation" in content and "Copy of a letter" in content
    assert list(response.context["cl"].queryset.values_list("purpose", flat=True)) == ["letter"]
