"""Letters to an office ("Minister of Foreign Affairs") go to whoever holds it when the letter
is built: on the write page, in the preview and on submit. Confirming later sends to the holder
the supporter wrote to, even after a cabinet shuffle; fixed recipients stay as they are."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from campaign.outbox.models import OutboundEmail
from letters.models import Letter, LetterRecipient, LetterTemplate
from letters.purposes import LetterPurpose
from letters.selectors import recipients_for
from tests.directory.ministry import carney_ministry
from tests.factories import LetterTemplateFactory, TargetFactory

pytestmark = pytest.mark.django_db

BODY = (
    "Dear [recipient's name],\n\nPlease issue emergency visas to LGBT people fleeing "
    "Chechnya.\n\nSam Supporter"
)
SHUFFLE = (
    "portfolio,holder,since,until,email\n"
    "Minister of Foreign Affairs,Jean Successeur,2026-01-15,,jean.successeur@parl.gc.ca\n"
)


@pytest.fixture
def offices():
    return carney_ministry()


@pytest.fixture
def role_template(offices):
    """A letter to the Minister of Foreign Affairs, the Prime Minister and an embassy."""
    template = LetterTemplateFactory(
        kind=LetterTemplate.Kind.TARGETS,
        title="Write to the decision-makers",
        body="Dear {{ representative_name }},\n\nPlease act.\n\n{{ supporter_name }}",
    )
    campaign = template.campaign
    template.targets.set(
        [
            TargetFactory(
                campaign=campaign,
                office=offices["MFA"],
                name="",
                email="",
                role="Minister of Foreign Affairs",
                document_name="Chrystia Freeland",
                document_email="Chrystia.Freeland@parl.gc.ca",
            ),
            TargetFactory(
                campaign=campaign,
                office=offices["PM"],
                name="",
                email="",
                role="Prime Minister",
                kind="head_of_government",
                document_name="Justin Trudeau",
                document_email="Justin.Trudeau@parl.gc.ca",
            ),
            TargetFactory(
                campaign=campaign,
                name="",
                role="Russian Ambassador",
                kind="diplomat",
                email="info@rusembassy.ca",
            ),
        ]
    )
    return template


def write_url(template):
    return reverse(
        "letters:write", kwargs={"campaign": template.campaign.slug, "template": template.slug}
    )


def letter_data(**overrides):
    return {
        "supporter_name": "Sam Supporter",
        "supporter_email": "sam@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": "Please act now",
        "body": BODY,
        **overrides,
    }


def addressed(recipients):
    return [(r.name, r.role, r.email) for r in recipients]


def shuffle_by_command(tmp_path):
    path = tmp_path / "shuffle.csv"
    path.write_text(SHUFFLE)
    call_command("import_ministry", str(path), stdout=io.StringIO())


def shuffle_by_admin_upload(tmp_path, client):
    response = client.post(
        reverse("admin:directory_import"),
        {"kind": "ministry", "file": SimpleUploadedFile("shuffle.csv", SHUFFLE.encode())},
    )
    assert response.status_code == 302, response.content.decode()


def confirm_link(message) -> str:
    return re.search(r"https?://\S+(/letters/confirm/\S+/)", message.body).group(1)


def test_a_letter_to_an_office_goes_to_its_holder_now_and_a_fixed_one_where_it_says(
    role_template,
):
    assert addressed(recipients_for(template=role_template, riding=None)) == [
        ("Anita Anand", "Minister of Foreign Affairs", "Anita.Anand@parl.gc.ca"),
        ("Mark Carney", "Prime Minister", "mark.carney@parl.gc.ca"),
        ("", "Russian Ambassador", "info@rusembassy.ca"),
    ]


def test_the_write_page_and_the_preview_name_the_holders_now(client, role_template):
    page = client.get(write_url(role_template)).content.decode()
    recipients = page[page.index('id="recipients-heading"') : page.index("</section>")]
    assert "<strong>Anita Anand</strong>, Minister of Foreign Affairs" in recipients
    assert "<strong>Mark Carney</strong>, Prime Minister" in recipients
    assert "Freeland" not in page and "Trudeau" not in page

    preview = client.post(write_url(role_template), letter_data())
    assert [m["to"] for m in preview.context["messages_to_send"]] == [
        "Anita.Anand@parl.gc.ca",
        "mark.carney@parl.gc.ca",
        "info@rusembassy.ca",
    ]
    assert "Dear Anita Anand," in preview.content.decode()


def test_submitting_keeps_whom_the_letter_was_written_to(client, role_template):
    client.post(write_url(role_template), {**letter_data(), "send": ""})

    letter = Letter.objects.get()
    rows = letter.recipients.order_by("id")
    assert [(r.name, r.role, r.email) for r in rows] == addressed(
        recipients_for(template=role_template, riding=None)
    )
    anand = rows[0].office_holder
    assert (anand.name, anand.office.code) == ("Anita Anand", "MFA")
    assert rows[2].office_holder is None


@pytest.mark.parametrize("shuffle", ["command", "admin upload"])
def test_a_cabinet_shuffle_is_one_import_and_the_next_letter_goes_to_the_new_holder(
    client, organiser_client, role_template, tmp_path, shuffle
):
    if shuffle == "command":
        shuffle_by_command(tmp_path)
    else:
        shuffle_by_admin_upload(tmp_path, organiser_client)

    assert addressed(recipients_for(template=role_template, riding=None))[0] == (
        "Jean Successeur",
        "Minister of Foreign Affairs",
        "jean.successeur@parl.gc.ca",
    )
    assert "Jean Successeur" in client.get(write_url(role_template)).content.decode()


def test_a_letter_written_before_a_shuffle_goes_to_the_holder_it_was_written_to(
    client, organiser_client, role_template, tmp_path, django_capture_on_commit_callbacks
):
    preview = client.post(write_url(role_template), letter_data())
    previewed = [m["to"] for m in preview.context["messages_to_send"]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(write_url(role_template), {**letter_data(), "send": ""})
    link = confirm_link(mail.outbox[0])

    shuffle_by_command(tmp_path)  # Anita Anand leaves office before the supporter confirms
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link)

    sent = OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER).order_by("id")
    assert [email.to for email in sent] == previewed
    assert "jean.successeur@parl.gc.ca" not in {email.to for email in sent}
    # The organiser sees which holder the letter went to.
    letter = Letter.objects.get()
    page = organiser_client.get(reverse("admin:letters_letter_change", args=[letter.pk]))
    assert "Anita Anand, Minister of Foreign Affairs since 2025-05-13" in page.content.decode()
    # The next letter goes to the new holder.
    assert addressed(recipients_for(template=role_template, riding=None))[0][0] == (
        "Jean Successeur"
    )


def test_a_letter_queued_before_a_shuffle_stays_with_the_holder_it_was_written_to(
    client, role_template, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(write_url(role_template), {**letter_data(), "send": ""})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_link(mail.outbox[0]))
    queued = {row.pk: row.to for row in OutboundEmail.objects.filter(purpose="letter")}

    shuffle_by_command(tmp_path)

    assert {row.pk: row.to for row in OutboundEmail.objects.filter(purpose="letter")} == queued
    assert LetterRecipient.objects.order_by("id")[0].email == "Anita.Anand@parl.gc.ca"


def test_an_office_with_nobody_in_it_has_no_recipient(role_template, offices):
    offices["PM"].holders.filter(ended_at__isnull=True).update(
        ended_at=datetime(2026, 1, 1, tzinfo=UTC)
    )

    names = [
        name
        for name, _role, _email in addressed(recipients_for(template=role_template, riding=None))
    ]
    assert names == ["Anita Anand", ""]


def test_a_holder_with_no_address_has_no_recipient(role_template, offices):
    offices["MFA"].holders.get(name="Anita Anand").representative.delete()

    names = [
        name
        for name, _role, _email in addressed(recipients_for(template=role_template, riding=None))
    ]
    assert names == ["Mark Carney", ""]
