"""The letters report: letters sent per recipient, riding and day, as CSV (data staff only)."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from campaign.exports.models import ExportLog
from campaign.outbox.models import OutboundEmail
from letters.exports import LetterExport, letter_export_stream
from letters.purposes import LetterPurpose
from tests.factories.directory import RidingFactory
from tests.factories.letters import LetterFactory, LetterRecipientFactory, LetterTemplateFactory
from tests.factories.outbox import OutboundEmailFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:letters_letter_export")
HEADER = ["Recipient", "Role", "Riding code", "Riding", "Province", "Sent on", "Letters sent"]
NOON = datetime.time(12, 0)


@pytest.fixture
def template(db):
    return LetterTemplateFactory(campaign__slug="visas")


def sent_letter(
    template,
    *,
    to="Yasir Naqvi",
    role="MP",
    riding=None,
    day=datetime.date(2026, 11, 10),
    status=OutboundEmail.Status.SENT,
    test_mode=False,
):
    letter = LetterFactory(template=template, riding=riding, test_mode=test_mode)
    recipient = LetterRecipientFactory(
        letter=letter, name=to, role=role, message_id=f"<{letter.pk}@x>"
    )
    when = timezone.make_aware(datetime.datetime.combine(day, NOON))
    OutboundEmailFactory(
        message_id=recipient.message_id,
        purpose=LetterPurpose.LETTER,
        status=status,
        sent_at=when if status == OutboundEmail.Status.SENT else None,
    )
    return letter


def export(data_staff, **options) -> list[list[str]]:
    chunks = letter_export_stream(export=LetterExport(**options), actor=data_staff, via="admin")
    return list(csv.reader(io.StringIO(b"".join(chunks).decode())))


def test_it_counts_letters_sent_per_recipient_riding_and_day(data_staff, template, ottawa):
    papineau = RidingFactory(code="24054", name_en="Papineau", province="QC")
    sent_letter(template, riding=ottawa)
    sent_letter(template, riding=ottawa)
    sent_letter(template, riding=papineau, to="Mélanie Joly", role="Minister")
    sent_letter(template, riding=ottawa, day=datetime.date(2026, 11, 11))

    rows = export(data_staff, campaign=template.campaign)

    assert rows == [
        HEADER,
        ["Mélanie Joly", "Minister", "24054", "Papineau", "QC", "2026-11-10", "1"],
        ["Yasir Naqvi", "MP", "35079", "Ottawa Centre", "ON", "2026-11-10", "2"],
        ["Yasir Naqvi", "MP", "35079", "Ottawa Centre", "ON", "2026-11-11", "1"],
    ]


def test_it_counts_only_letters_sent_to_their_recipient(data_staff, template, ottawa):
    sent_letter(template, riding=ottawa)
    sent_letter(template, riding=ottawa, status=OutboundEmail.Status.QUEUED)
    sent_letter(template, riding=ottawa, status=OutboundEmail.Status.FAILED)
    sent_letter(template, riding=ottawa, test_mode=True)  # went to the test address
    LetterRecipientFactory(letter=LetterFactory(template=template))  # never confirmed
    sent_letter(LetterTemplateFactory(), riding=ottawa)  # another campaign

    rows = export(data_staff, campaign=template.campaign)

    assert [row[-1] for row in rows[1:]] == ["1"]


def test_it_neutralises_a_recipient_a_spreadsheet_would_run(data_staff, template):
    sent_letter(template, to='=HYPERLINK("http://x","y")', role="+cmd|' /C calc'!A0")

    rows = export(data_staff, campaign=template.campaign)

    assert rows[1][:2] == ['\'=HYPERLINK("http://x","y")', "'+cmd|' /C calc'!A0"]


def test_it_filters_by_day_province_and_riding(data_staff, template, ottawa):
    papineau = RidingFactory(code="24054", name_en="Papineau", province="QC")
    sent_letter(template, riding=ottawa, day=datetime.date(2026, 11, 9))
    sent_letter(template, riding=ottawa, day=datetime.date(2026, 11, 10))
    sent_letter(template, riding=papineau, day=datetime.date(2026, 11, 10))

    by_day = export(
        data_staff,
        campaign=template.campaign,
        since=datetime.date(2026, 11, 10),
        until=datetime.date(2026, 11, 10),
    )
    by_province = export(data_staff, campaign=template.campaign, province="QC")
    by_riding = export(data_staff, campaign=template.campaign, riding_code="35079")

    assert [row[2] for row in by_day[1:]] == ["24054", "35079"]
    assert [row[2] for row in by_province[1:]] == ["24054"]
    assert [row[5] for row in by_riding[1:]] == ["2026-11-09", "2026-11-10"]


def test_it_logs_the_export(data_staff, template, ottawa):
    sent_letter(template, riding=ottawa)

    export(data_staff, campaign=template.campaign, province="ON", since=datetime.date(2026, 11, 1))

    log = ExportLog.objects.get()
    assert (log.kind, log.subject, log.rows, log.outcome) == (
        "letters",
        "campaign visas",
        1,
        "completed",
    )
    assert log.filters == {"campaign": "visas", "province": "ON", "since": "2026-11-01"}


class TestAdmin:
    def test_an_anonymous_visitor_gets_the_login_page(self, client, template):
        response = client.get(EXPORT, {"campaign": "visas", "download": "1"})

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_an_organiser_gets_403_and_it_is_logged(self, organiser_client, template):
        response = organiser_client.get(EXPORT, {"campaign": "visas", "download": "1"})

        assert response.status_code == 403
        log = ExportLog.objects.get()
        assert (log.actor, log.kind, log.outcome, log.subject) == (
            "alice",
            "letters",
            "refused",
            "campaign visas",
        )

    def test_data_staff_download_the_report(self, client, data_staff, template):
        sent_letter(template)
        client.force_login(data_staff)

        response = client.get(EXPORT, {"campaign": "visas", "download": "1"})

        assert response.status_code == 200
        assert 'filename="visas-letters-' in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert rows[0] == HEADER and len(rows) == 2

    def test_a_superuser_downloads_the_report(self, client, django_user_model, template):
        client.force_login(django_user_model.objects.create_superuser("root", "r@x.org", "pw"))

        response = client.get(EXPORT, {"campaign": "visas", "download": "1"})

        assert response.status_code == 200

    @pytest.mark.parametrize(
        ("params", "named"),
        [
            ({"campaign": "nope"}, "nope"),
            ({"since": "2026-02-30"}, "2026-02-30"),
            ({"province": "ZZ"}, "ZZ"),
            ({"riding": "99999"}, "99999"),
            ({"since": "2026-11-05", "until": "2026-11-01"}, "2026-11-01"),
        ],
    )
    def test_a_bad_filter_gets_a_400_page_naming_the_value(
        self, client, data_staff, template, params, named
    ):
        client.force_login(data_staff)

        response = client.get(EXPORT, {"campaign": "visas", "download": "1", **params})

        assert response.status_code == 400
        assert named in response.content.decode()

    def test_the_letters_list_links_to_the_report_for_data_staff_only(
        self, client, data_staff, organiser
    ):
        changelist = reverse("admin:letters_letter_changelist")
        client.force_login(data_staff)
        shown = client.get(changelist).content.decode()
        client.force_login(organiser)
        hidden = client.get(changelist).content.decode()

        assert EXPORT in shown and EXPORT not in hidden


class TestCommand:
    def test_it_writes_the_report(self, data_staff, template, tmp_path):
        sent_letter(template)
        output = tmp_path / "letters.csv"

        call_command("export_letters", "--campaign", "visas", "--user", "bob", "--output", output)

        assert output.read_text(encoding="utf-8").splitlines()[1].startswith('"Yasir Naqvi"')
        assert ExportLog.objects.get().via == "command"

    def test_an_unknown_campaign_is_one_line_and_exit_2(self, data_staff, tmp_path):
        output = tmp_path / "letters.csv"

        with pytest.raises(CommandError, match="nope") as error:
            call_command(
                "export_letters", "--campaign", "nope", "--user", "bob", "--output", output
            )

        assert error.value.returncode == 2 and "\n" not in str(error.value)
        assert not output.exists()

    def test_an_organiser_is_refused_and_logged(self, organiser, template, tmp_path):
        with pytest.raises(CommandError, match="holds no export permission") as error:
            call_command(
                "export_letters", "--campaign", "visas", "--user", "alice", "--output", "-"
            )

        assert error.value.returncode == 1
        assert ExportLog.objects.get().outcome == "refused"
