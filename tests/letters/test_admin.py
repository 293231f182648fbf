"""The admin: template validation and preview, letters."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaign.directory.models import Riding
from letters.composing import Recipient
from letters.models import Letter, LetterTemplate
from letters.selectors import letters_with_copies
from letters.services import letter_confirm, letter_submit
from tests.factories import CampaignFactory, OfficeFactory, TargetFactory
from tests.factories.letters import LetterTemplateFactory

pytestmark = pytest.mark.django_db


def template_form_data(campaign, **overrides):
    data = {
        "campaign": campaign.pk,
        "title": "Write to your MP",
        "slug": "write",
        "kind": "mp",
        "editable": "on",
        "subject_variants": "Please act\nAct now",
        "body": "Dear {{ representative_name }},\n\nPlease act.\n\n{{ supporter_name }}",
        "talking_points": '["One.", "Two."]',
    }
    return {**data, **overrides}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "Dear {% if representative_name %}", "Template error"),
        ("body", "Dear {{ mp_name }}", "Unknown variable: mp_name"),
        ("body", "{% include 'base.html' %}", "cannot be used"),
        ("subject_variants", "Hello {% endif %}", "Template error"),
        ("subject_variants", "", "required"),
        ("talking_points", '{"a": 1}', "list"),
    ],
)
def test_it_catches_template_errors_when_the_organiser_saves(
    organiser_client, field, value, message
):
    campaign = CampaignFactory()
    response = organiser_client.post(
        reverse("admin:letters_lettertemplate_add"),
        template_form_data(campaign, **{field: value}),
    )
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    assert LetterTemplate.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "errors"),
    [
        ("subject_variants", "", ["This field is required."]),
        ("subject_variants", "Act now\n" + "x" * 201, ["Each subject is at most 200 characters."]),
        (
            "body",
            "Dear {{ mp_name }}",
            [
                "Unknown variable: mp_name. Use one of: representative_name, riding, "
                "supporter_name, supporter_postal_code, talking_points."
            ],
        ),
    ],
)
def test_it_reports_each_template_error_once_and_only_that_error(
    organiser_client, field, value, errors
):
    response = organiser_client.post(
        reverse("admin:letters_lettertemplate_add"),
        template_form_data(CampaignFactory(), **{field: value}),
    )
    assert response.context["adminform"].form.errors == {field: errors}


def test_it_saves_a_valid_template(organiser_client):
    campaign = CampaignFactory()
    response = organiser_client.post(
        reverse("admin:letters_lettertemplate_add"), template_form_data(campaign)
    )
    assert response.status_code == 302
    assert LetterTemplate.objects.get().talking_points == ["One.", "Two."]


def test_it_validates_the_template_in_model_clean(db):
    template = LetterTemplateFactory.build(
        campaign=CampaignFactory(), body="Dear {% for %}", subject_variants="Hi"
    )
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert "body" in error.value.message_dict


def test_it_previews_the_template_for_a_sample_mp(organiser_client, mp_template):
    mp_template.talking_points = ["<b>Bold claim</b>"]
    mp_template.save()
    response = organiser_client.get(
        reverse("admin:letters_lettertemplate_change", args=[mp_template.pk])
    )
    page = response.content.decode()
    assert "Dear Anita Vandenbeld," in page  # the first current MP by name
    assert "As a constituent in Ottawa West—Nepean" in page
    assert "- &lt;b&gt;Bold claim&lt;/b&gt;" in page
    assert "Please act now" in page and "Emergency visas, now" in page


def test_it_previews_a_fixed_recipient_template_for_its_first_recipient(organiser_client, ottawa):
    template = LetterTemplateFactory(kind=LetterTemplate.Kind.TARGETS)
    template.targets.set(
        [
            TargetFactory(campaign=template.campaign, name="", role="Russian Ambassador"),
            TargetFactory(campaign=template.campaign, name="Justin Trudeau"),
        ]
    )
    response = organiser_client.get(
        reverse("admin:letters_lettertemplate_change", args=[template.pk])
    )
    page = response.content.decode()
    assert "Dear Russian Ambassador," in page
    assert "Anita Vandenbeld" not in page  # the directory's MPs are not this letter's


def test_it_offers_a_letter_only_the_targets_it_can_write_to(organiser_client):
    template = LetterTemplateFactory(kind=LetterTemplate.Kind.TARGETS)
    written = TargetFactory(campaign=template.campaign, name="Justin Trudeau")
    OfficeFactory(campaign=template.campaign, name="Doug Ford")  # a phone number only

    response = organiser_client.get(
        reverse("admin:letters_lettertemplate_change", args=[template.pk])
    )

    targets = response.context["adminform"].form.fields["targets"].queryset
    assert list(targets) == [written]


def submitted_letter(mp_template, body_extra=""):
    riding = Riding.objects.get(code="35079")
    representative = riding.current_representative
    return letter_submit(
        template=mp_template,
        recipients=[
            Recipient(
                name=representative.name,
                role="MP",
                email=representative.email,
                representative=representative,
            )
        ],
        riding=riding,
        supporter_name="Sam Supporter",
        supporter_email="sam@example.org",
        supporter_postal_code="K1A 0A6",
        subject="Please act",
        body="Dear Yasir Naqvi, please act now for the people in danger." + body_extra,
    )


def test_it_lists_letters_with_status_and_delivery(organiser_client, mp_template):
    letter = submitted_letter(mp_template)
    letter_confirm(letter=letter)
    response = organiser_client.get(reverse("admin:letters_letter_changelist"))
    page = response.content.decode()
    assert "Confirmed and queued" in page
    assert "sent 0, waiting 1, failed 0" in page  # confirmed; the worker has not run


def test_it_shows_each_recipients_delivery_and_escapes_the_letter(organiser_client, mp_template):
    letter = submitted_letter(mp_template, body_extra="<script>alert(1)</script>")
    response = organiser_client.get(reverse("admin:letters_letter_change", args=[letter.pk]))
    page = response.content.decode()
    assert "Yasir.Naqvi@parl.gc.ca" in page
    assert "Waiting for your confirmation" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


def test_it_lets_data_staff_read_letters(client, data_staff, mp_template):
    submitted_letter(mp_template)
    client.force_login(data_staff)
    assert client.get(reverse("admin:letters_letter_changelist")).status_code == 200


def letters_by(template, names, body):
    """One letter per name, all to Ottawa Centre's MP, each signed with its writer's name."""
    riding = Riding.objects.get(code="35079")
    rep = riding.current_representative
    return [
        letter_submit(
            template=template,
            recipients=[Recipient(name=rep.name, role="MP", email=rep.email, representative=rep)],
            riding=riding,
            supporter_name=name,
            supporter_email=f"s{n}@example.org",
            supporter_postal_code="K1A 0A6",
            subject="Please act",
            body=body.format(name=name, n=n),
        )
        for n, name in enumerate(names)
    ]


def flags(letters) -> list[bool]:
    annotated = letters_with_copies(Letter.objects.filter(pk__in=[letter.pk for letter in letters]))
    return [letter.flagged_similar for letter in annotated.order_by("pk")]


# Same words; spacing, case and the signature differ.
FORM_LETTER = "Dear  Yasir Naqvi,\n\nPLEASE act now for the people in danger!\n\n{name}"


def test_it_flags_near_identical_letters_for_the_organiser(organiser_client, ottawa, settings):
    settings.LETTERS_SIMILAR_THRESHOLD = 3
    letters = letters_by(
        LetterTemplateFactory(), ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Eng"], FORM_LETTER
    )
    assert flags(letters) == [True, True, True, True]
    response = organiser_client.get(
        reverse("admin:letters_letter_changelist"), {"near_identical": "1"}
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 4


def test_it_counts_flagged_letters_per_template(organiser_client, ottawa, settings):
    settings.LETTERS_SIMILAR_THRESHOLD = 2
    template = LetterTemplateFactory()
    letters_by(template, ["Ann Lee", "Bo Chen"], FORM_LETTER)
    response = organiser_client.get(reverse("admin:letters_lettertemplate_changelist"))
    [row] = response.context["cl"].result_list
    assert (row.letter_total, row.flagged_total) == (2, 2)


def test_it_flags_letters_written_before_the_threshold_was_lowered(ottawa, settings):
    settings.LETTERS_SIMILAR_THRESHOLD = 3
    letters = letters_by(LetterTemplateFactory(), ["Ann Lee", "Bo Chen"], FORM_LETTER)
    assert flags(letters) == [False, False]
    settings.LETTERS_SIMILAR_THRESHOLD = 2
    assert flags(letters) == [True, True]


def test_it_never_flags_the_letters_of_a_locked_template(ottawa, settings):
    settings.LETTERS_SIMILAR_THRESHOLD = 2
    template = LetterTemplateFactory(
        editable=False, body=FORM_LETTER.replace("{name}", "{{ supporter_name }}")
    )
    assert flags(letters_by(template, ["Ann Lee", "Bo Chen"], FORM_LETTER)) == [False, False]


def test_it_does_not_flag_letters_in_the_supporters_own_words(ottawa, settings):
    settings.LETTERS_SIMILAR_THRESHOLD = 2
    body = "Dear Yasir Naqvi, my reason number {n} is that people are in danger now."
    letters = letters_by(LetterTemplateFactory(), ["Person A", "Person B"], body)
    assert flags(letters) == [False, False]


def test_it_renders_the_campaign_admin_with_letter_templates_inline(organiser_client, mp_template):
    response = organiser_client.get(
        reverse("admin:campaign_campaign_change", args=[mp_template.campaign.pk])
    )
    assert response.status_code == 200
    assert "Write to your MP" in response.content.decode()
