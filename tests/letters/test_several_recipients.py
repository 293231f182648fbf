"""One letter to the supporter's MP and to the campaign's recipients (issue 17, item 5).

A template of kind "The supporter's MP and fixed recipients" asks for one postal code, shows
one preview listing every recipient, sends one confirmation (a summary, never the text), then
one email per recipient, each greeting its own recipient, each its own LetterRecipient row.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from campaign.drafts.selectors import campaign_review
from campaign.outbox.models import OutboundEmail
from campaign.outbox.selectors import emails_for
from campaign.services import CampaignNotPublishable, campaign_publish
from letters.models import Letter, LetterRecipient, LetterTemplate
from letters.purposes import LetterPurpose
from letters.reports import letters_sent_per_recipient
from letters.services import letter_confirm
from petitions.selectors import petition_next_action_url
from tests.directory.ministry import carney_ministry
from tests.factories import LetterTemplateFactory, PetitionFactory, TargetFactory
from tests.letters.test_flow import confirm_link, send_queued

pytestmark = pytest.mark.django_db

MP = "Yasir.Naqvi@parl.gc.ca"
MINISTER = "Anita.Anand@parl.gc.ca"


@pytest.fixture
def offices():
    return carney_ministry()


@pytest.fixture
def template(ottawa, offices):
    """To the supporter's MP and to the Minister of Foreign Affairs (by role), as the seed
    appeal asks, with a French version."""
    template = LetterTemplateFactory(
        kind=LetterTemplate.Kind.MP_AND_TARGETS,
        title="Write to your MP and to the minister",
        subject_variants="Emergency visas, now",
        body=(
            "Dear {{ representative_name }},\n\nI live in {{ riding }} and I ask you to press "
            "for emergency visas.\n\n{{ talking_points }}\n\n{{ supporter_name }}"
        ),
        in_french=True,
        body_fr=(
            "Bonjour {{ representative_name }},\n\nJ'habite {{ riding }} et je vous demande "
            "des visas d'urgence.\n\n{{ talking_points }}\n\n{{ supporter_name }}"
        ),
    )
    minister = TargetFactory(
        campaign=template.campaign,
        office=offices["MFA"],
        name="",
        email="",
        role="Minister of Foreign Affairs",
    )
    template.targets.set([minister])
    return template


def write_path(template, prefix: str = "") -> str:
    return f"{prefix}/letters/{template.campaign.slug}/{template.slug}/write/"


def letter_fields(client, template, prefix: str = "", **overrides) -> dict:
    """What the write form holds once the supporter has filled it in: the draft as prefilled,
    with a sentence of their own."""
    step_one = {"postal_code": "K1A 0A6", "riding": "35079"}
    page = client.get(write_path(template, prefix), step_one)
    initial = page.context["form"].initial
    return {
        **step_one,
        "supporter_name": "Sam Supporter",
        "supporter_email": "sam@example.org",
        "supporter_postal_code": "K1A 0A6",
        "subject": initial["subject"],
        "body": initial["body"] + "\n\nMy cousin is still in Grozny.",
        **overrides,
    }


def submit(client, template, prefix: str = "", **overrides):
    return client.post(
        write_path(template, prefix),
        {**letter_fields(client, template, prefix, **overrides), "send": ""},
    )


def sent_letters() -> dict[str, OutboundEmail]:
    return {email.to: email for email in OutboundEmail.objects.filter(purpose=LetterPurpose.LETTER)}


def write_and_confirm(client, template, prefix: str = "", **overrides) -> Letter:
    submit(client, template, prefix, **overrides)
    letter = Letter.objects.get()
    letter_confirm(letter=letter)
    return letter


# --- One postal code, one page listing everyone, one preview ------------------------------------


def test_it_asks_for_the_postal_code_and_finds_the_mp(client, template):
    response = client.post(template.get_absolute_url(), {"postal_code": "K1A 0A6"})

    assert response.status_code == 302
    assert "riding=35079" in response["Location"]


def test_it_says_on_the_postal_code_page_that_others_get_the_letter_too(client, template):
    page = client.get(template.get_absolute_url()).text

    assert "it goes to your MP and to the campaign's other recipients" in page


def test_it_lists_the_mp_and_the_minister_by_name_and_role(client, template):
    page = client.get(write_path(template), {"postal_code": "K1A 0A6", "riding": "35079"}).text

    recipients = page[page.index('id="recipients-heading"') : page.index("</section>")]
    assert "<strong>Yasir Naqvi</strong>, Member of Parliament for Ottawa Centre" in recipients
    assert "<strong>Anita Anand</strong>, Minister of Foreign Affairs" in recipients
    assert "as a separate email" in recipients


def test_it_drafts_one_letter_with_a_place_for_each_recipients_name(client, template):
    response = client.get(write_path(template), {"postal_code": "K1A 0A6", "riding": "35079"})

    body = response.context["form"].initial["body"]
    assert body.startswith("Dear [recipient's name],\n\nI live in Ottawa Centre")


def test_it_previews_one_message_per_recipient_each_greeting_its_own(client, template):
    response = client.post(write_path(template), letter_fields(client, template))

    messages = response.context["messages_to_send"]
    assert [(m["to"], m["body"].split("\n")[0]) for m in messages] == [
        (MP, "Dear Yasir Naqvi,"),
        (MINISTER, "Dear Anita Anand,"),
    ]
    assert Letter.objects.count() == 0


# --- One confirmation, then one email per recipient --------------------------------------------


def test_it_sends_one_confirmation_naming_both_and_never_the_text(client, template):
    submit(client, template)
    send_queued()

    (confirmation,) = mail.outbox
    assert confirmation.to == ["sam@example.org"]
    assert "Yasir Naqvi, Member of Parliament for Ottawa Centre" in confirmation.body
    assert "Anita Anand, Minister of Foreign Affairs" in confirmation.body
    assert "Grozny" not in confirmation.body
    assert "press for emergency visas" not in confirmation.body


def test_it_keeps_one_recipient_row_each_on_submit(client, template):
    submit(client, template)

    rows = LetterRecipient.objects.order_by("id")
    assert [(r.name, r.email) for r in rows] == [
        ("Yasir Naqvi", MP),
        ("Anita Anand", MINISTER),
    ]
    assert rows[0].representative is not None and rows[1].office_holder is not None


def test_confirming_sends_one_email_to_each_with_its_own_greeting(client, template):
    letter = write_and_confirm(client, template)

    sent = sent_letters()
    assert set(sent) == {MP, MINISTER}
    assert sent[MP].body_text.startswith("Dear Yasir Naqvi,\n\nI live in Ottawa Centre")
    assert sent[MINISTER].body_text.startswith("Dear Anita Anand,\n\nI live in Ottawa Centre")
    for email in sent.values():
        assert "My cousin is still in Grozny." in email.body_text
        assert email.reply_to == "Sam Supporter <sam@example.org>"
    # Each recipient row points at the email carrying its own copy.
    assert {r.email: r.message_id for r in letter.recipients.all()} == {
        to: email.message_id for to, email in sent.items()
    }


def test_it_counts_confirmation_once_and_sends_nothing_more(client, template):
    letter = write_and_confirm(client, template)

    assert letter_confirm(letter=letter) is False
    assert len(sent_letters()) == 2
    assert emails_for(letter).filter(purpose=LetterPurpose.LETTER_CONFIRMATION).count() == 1


def test_the_status_page_lists_every_recipient_with_its_letter(client, template):
    letter = write_and_confirm(client, template)
    send_queued()

    page = client.get(letter.get_status_url()).text

    table = page[page.index("<table") : page.index("</table>")]
    assert "Yasir Naqvi, Member of Parliament for Ottawa Centre" in table
    assert "Anita Anand, Minister of Foreign Affairs" in table
    assert table.count("delivery-sent") == 2
    assert "Dear Yasir Naqvi," in page and "Dear Anita Anand," in page


def test_the_supporters_copy_has_each_letter_as_sent(client, template):
    write_and_confirm(client, template, send_copy="on")

    copy = OutboundEmail.objects.get(purpose=LetterPurpose.LETTER_COPY)
    assert "Dear Yasir Naqvi," in copy.body_text
    assert "Dear Anita Anand," in copy.body_text
    assert "[recipient" not in copy.body_text


def test_the_letters_report_counts_one_letter_per_recipient(client, template):
    write_and_confirm(client, template)
    send_queued()

    report = letters_sent_per_recipient(campaign=template.campaign)

    assert sorted((row.label, row.sent) for row in report) == [
        ("Anita Anand", 1),
        ("Yasir Naqvi", 1),
    ]


# --- A riding without an MP ---------------------------------------------------------------------


def test_it_writes_to_the_minister_alone_when_the_riding_has_no_mp(client, template):
    # K2P is in no FSA the directory knows: the province's ridings are offered, and Orléans
    # has no MP on record.
    step_one = {"postal_code": "K2P 1L4", "riding": "35077"}

    page = client.get(write_path(template), step_one).text
    submit(client, template, **step_one, supporter_postal_code="K2P 1L4")
    letter_confirm(letter=Letter.objects.get())

    assert "We have no email address on record for the Member of Parliament for Orléans" in page
    assert "<strong>Anita Anand</strong>" in page
    assert set(sent_letters()) == {MINISTER}


def test_a_letter_to_the_mp_alone_still_stops_where_the_riding_has_no_mp(client, ottawa):
    mp_only = LetterTemplateFactory(kind=LetterTemplate.Kind.MP)

    response = client.get(write_path(mp_only), {"postal_code": "K2P 1L4", "riding": "35077"})

    assert response.templates[0].name == "letters/no_recipient.html"


# --- One letter per mailbox per recipient -------------------------------------------------------


def test_the_same_mailbox_writing_again_adds_no_recipient_rows(client, template):
    submit(client, template)
    submit(client, template, supporter_email="Sam+again@example.org")
    send_queued()

    assert LetterRecipient.objects.count() == 2
    assert Letter.objects.count() == 1  # the attempt is deleted by the worker
    assert mail.outbox[1].subject == "You have already written this letter"


def test_a_mailbox_that_wrote_to_its_mp_cannot_write_to_it_again_with_the_minister(
    client, template
):
    mp_only = LetterTemplateFactory(campaign=template.campaign, kind=LetterTemplate.Kind.MP)
    client.post(write_path(mp_only), {**letter_fields(client, mp_only), "send": ""})

    submit(client, template)

    assert [r.email for r in LetterRecipient.objects.all()] == [MP]


def test_the_database_refuses_a_second_row_for_the_same_mailbox_and_recipient(client, template):
    submit(client, template)
    first = LetterRecipient.objects.get(email=MINISTER)
    first.pk = None
    first.email = MINISTER.upper()

    with pytest.raises(IntegrityError):
        first.save()


# --- In French ----------------------------------------------------------------------------------


def test_a_french_page_sends_the_french_letter_to_both(client, template):
    write_and_confirm(client, template, "/fr")

    sent = sent_letters()
    assert sent[MP].body_text.startswith("Bonjour Yasir Naqvi,\n\nJ'habite Ottawa-Centre")
    assert sent[MINISTER].body_text.startswith("Bonjour Anita Anand,\n\nJ'habite Ottawa-Centre")
    for email in sent.values():
        assert email.headers["Content-Language"] == "fr"


# --- Without JavaScript: every step is a plain HTML form ----------------------------------------


class _Forms(HTMLParser):
    """The forms of a page: each one's fields (name → value) and its submit buttons' names."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"fields": {}, "buttons": []})
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("type") != "checkbox" and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.forms[-1]["fields"][self._textarea] = ""
        elif tag == "button" and attrs.get("name"):
            self.forms[-1]["buttons"].append(attrs["name"])

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def page_form(page: str, button: str) -> dict:
    """The fields of the form holding `button`, as a browser without scripts submits them."""
    parser = _Forms()
    parser.feed(page)
    form = next(form for form in parser.forms if button in form["buttons"])
    fields = dict(form["fields"])
    if "body" in fields:
        fields["body"] = fields["body"].removeprefix("\n")
    return {**fields, button: ""}


def test_the_whole_letter_goes_through_plain_forms(client, template):
    # Postal code → write page → preview → send: each step posts the previous page's form.
    response = client.post(
        template.get_absolute_url(), {"postal_code": "K1A 0A6", "source": ""}, follow=True
    )
    write = page_form(response.text, "preview")
    write.update(supporter_name="Sam Supporter", supporter_email="sam@example.org")
    write["body"] = write["body"].replace("[your name]", "Sam Supporter")
    preview = client.post(write_path(template), write)
    assert preview.text.count("Dear Yasir Naqvi,") == 1
    assert preview.text.count("Dear Anita Anand,") == 1

    sent = client.post(write_path(template), page_form(preview.text, "send"))
    assert sent.status_code == 302
    send_queued()

    confirm = client.get(confirm_link(mail.outbox[0]))
    assert re.search(r'<form method="post"', confirm.text)
    client.post(confirm_link(mail.outbox[0]))
    send_queued()

    assert {m.to[0] for m in mail.outbox[1:]} == {MP, MINISTER}


# --- The organiser's side -----------------------------------------------------------------------


def test_the_admin_refuses_a_letter_to_the_mp_and_others_without_others(organiser_client, ottawa):
    template = LetterTemplateFactory()

    response = organiser_client.post(
        reverse("admin:letters_lettertemplate_change", args=[template.pk]),
        {
            "campaign": template.campaign.pk,
            "slug": template.slug,
            "title": template.title,
            "kind": LetterTemplate.Kind.MP_AND_TARGETS,
            "subject_variants": template.subject_variants,
            "body": template.body,
            "talking_points": "[]",
            "talking_points_fr": "[]",
        },
    )

    assert response.status_code == 200
    assert "Choose at least one recipient besides the MP" in response.text
    template.refresh_from_db()
    assert template.kind == LetterTemplate.Kind.MP


def test_the_admin_explains_the_three_kinds(organiser_client, template):
    page = organiser_client.get(
        reverse("admin:letters_lettertemplate_change", args=[template.pk])
    ).text

    assert "The supporter&#x27;s MP and fixed recipients" in page
    assert "each as a separate email" in page


def test_publishing_is_refused_while_the_ministers_office_is_empty(template, offices):
    template.campaign.status = "draft"
    template.campaign.save()
    offices["MFA"].holders.all().delete()

    with pytest.raises(CampaignNotPublishable) as refused:
        campaign_publish(campaign=template.campaign)

    assert "nobody holds the office of Minister of Foreign Affairs now" in refused.value.refusals[0]


def test_the_campaign_page_lists_the_mp_and_the_minister(client, template):
    page = client.get(template.campaign.get_absolute_url()).text

    card = page[page.index(template.title) :]
    assert "Your Member of Parliament" in card
    assert "Minister of Foreign Affairs" in card


def test_the_draft_review_lists_the_mp_and_the_minister(template):
    (item,) = campaign_review(campaign=template.campaign).items

    assert item.recipients == [
        "the supporter's MP",
        "Minister of Foreign Affairs (whoever holds the office)",
    ]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (LetterTemplate.Kind.MP, ["the supporter's MP"]),
        (LetterTemplate.Kind.TARGETS, ["Minister Ahmed (Minister of Foreign Affairs)"]),
    ],
)
def test_the_draft_review_lists_only_whom_a_one_kind_letter_writes_to(db, kind, expected):
    template = LetterTemplateFactory(kind=kind)
    template.targets.set([TargetFactory(campaign=template.campaign, name="Minister Ahmed")])

    (item,) = campaign_review(campaign=template.campaign).items

    assert [str(recipient) for recipient in item.recipients] == expected


def test_a_signer_is_led_to_the_letter_to_their_mp_and_the_minister(template):

    petition = PetitionFactory(campaign=template.campaign)

    assert petition_next_action_url(petition=petition) == template.get_absolute_url()
