"""`manage.py export_signatures`: the same export from a shell, with its own refusals."""

import csv
import io

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from campaign.exports.commands import Progress
from campaign.exports.models import ExportLog
from tests.factories.consent import ConsentEventFactory
from tests.factories.petitions import PetitionFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def run_cli(monkeypatch, *args: str) -> None:
    """As from a shell: errors become one line on stderr and an exit status. (The test's
    database connection stays open: it holds the test's transaction.)"""
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    command = load_command_class("petitions", "export_signatures")
    command.run_from_argv(["manage.py", "export_signatures", *args])


def read_rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_it_writes_the_csv_to_a_file_readable_by_its_owner_only(data_staff, petition, tmp_path):
    SignatureFactory(petition=petition, first_name="Marie", confirmed=True)
    output = tmp_path / "signers.csv"

    call_command(
        "export_signatures", "--petition", petition.slug, "--user", "bob", "--output", output
    )

    assert read_rows(output)[1][0] == "Marie"
    assert output.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_it_writes_to_stdout_with_a_dash(data_staff, petition):
    SignatureFactory(petition=petition, first_name="Marie", confirmed=True)
    out = io.StringIO()

    call_command(
        "export_signatures",
        "--petition",
        petition.slug,
        "--user",
        "bob",
        "--output",
        "-",
        stdout=out,
    )

    assert list(csv.reader(io.StringIO(out.getvalue())))[1][0] == "Marie"


def test_it_applies_every_filter_and_the_columns(data_staff, petition, ottawa, tmp_path):
    wanted = {"province": "ON", "riding_code": ottawa.code, "newsletter_opt_in": True}
    SignatureFactory(petition=petition, first_name="Wanted", email="w@example.org", **wanted)
    ConsentEventFactory(campaign=petition.campaign, address="w@example.org")
    SignatureFactory(petition=petition, first_name="Other riding", province="ON", riding_code="1")
    SignatureFactory(petition=petition, first_name="No newsletter", province="ON")
    output = tmp_path / "out.csv"

    call_command(
        "export_signatures",
        *("--petition", petition.slug, "--user", "bob", "--output", output),
        *("--since", "2000-01-01", "--until", "2999-12-31", "--province", "on"),
        *("--riding", ottawa.code, "--newsletter-only", "--include-unconfirmed"),
        *("--columns", "email,name"),
    )

    assert read_rows(output) == [
        ["First name", "Last name", "Email"],
        ["Wanted", "Tremblay", "w@example.org"],
    ]
    assert ExportLog.objects.get().filters == {
        "petition": petition.slug,
        "since": "2000-01-01",
        "until": "2999-12-31",
        "province": "ON",
        "riding": ottawa.code,
        "newsletter_only": True,
        "include_unconfirmed": True,
    }


def test_the_excel_option_adds_a_byte_order_mark(data_staff, petition, tmp_path):
    output = tmp_path / "out.csv"

    call_command(
        "export_signatures",
        "--petition",
        petition.slug,
        "--user",
        "bob",
        "--excel",
        "--output",
        output,
    )

    assert output.read_bytes().startswith("\ufeff".encode())


def test_it_logs_the_export_as_made_from_the_command_line(data_staff, petition, tmp_path):
    SignatureFactory.create_batch(2, petition=petition, confirmed=True)

    call_command(
        "export_signatures",
        "--petition",
        petition.slug,
        "--user",
        "bob",
        "--output",
        tmp_path / "o",
    )

    log = ExportLog.objects.get()
    assert (log.actor, log.via, log.rows, log.outcome) == ("bob", "command", 2, "completed")


def test_it_runs_as_the_login_name_when_no_user_is_given(
    data_staff, petition, tmp_path, monkeypatch
):
    monkeypatch.setattr("getpass.getuser", lambda: "bob")

    call_command("export_signatures", "--petition", petition.slug, "--output", tmp_path / "o")

    assert ExportLog.objects.get().actor == "bob"


@pytest.mark.parametrize("state", ["draft", "closed"])
def test_it_exports_a_draft_or_closed_petition(data_staff, state, tmp_path):
    petition = PetitionFactory(**{state: True})
    SignatureFactory(petition=petition, first_name="Kept", confirmed=True)
    output = tmp_path / "o.csv"

    call_command(
        "export_signatures", "--petition", petition.slug, "--user", "bob", "--output", output
    )

    assert read_rows(output)[1][0] == "Kept"
    assert ExportLog.objects.get().outcome == "completed"


class TestRefusals:
    @pytest.mark.parametrize(
        ("args", "named"),
        [
            (["--petition", "no-such-petition"], "no-such-petition"),
            (["--since", "2026-02-30"], "2026-02-30"),
            (["--until", "tomorrow"], "tomorrow"),
            (["--province", "XX"], "XX"),
            (["--riding", "99999"], "99999"),
            (["--columns", "name,ip_hash"], "ip_hash"),
        ],
    )
    def test_bad_input_is_one_line_on_stderr_exit_2_and_no_file(
        self, data_staff, petition, tmp_path, capsys, monkeypatch, args, named
    ):
        output = tmp_path / "out.csv"
        base = {"--petition": petition.slug, "--user": "bob", "--output": str(output)}
        base.update(dict(zip(args[::2], args[1::2], strict=True)))

        with pytest.raises(SystemExit) as exit_:
            run_cli(monkeypatch, *[part for pair in base.items() for part in pair])

        assert exit_.value.code == 2
        stderr = capsys.readouterr().err
        assert len(stderr.strip().splitlines()) == 1 and named in stderr
        assert list(tmp_path.iterdir()) == []
        assert not ExportLog.objects.exists()

    def test_an_output_folder_that_does_not_exist_is_refused(self, data_staff, petition, tmp_path):
        with pytest.raises(CommandError, match="no folder") as error:
            call_command(
                "export_signatures",
                *("--petition", petition.slug, "--user", "bob"),
                *("--output", tmp_path / "missing" / "out.csv"),
            )

        assert error.value.returncode == 2

    def test_an_organiser_without_the_permission_is_refused_and_logged(
        self, organiser, petition, tmp_path
    ):
        SignatureFactory(petition=petition, confirmed=True)
        output = tmp_path / "out.csv"

        with pytest.raises(CommandError, match="holds no export permission") as error:
            call_command(
                "export_signatures",
                "--petition",
                petition.slug,
                "--user",
                "alice",
                "--output",
                output,
            )

        assert error.value.returncode == 1
        assert not output.exists()
        log = ExportLog.objects.get()
        assert (log.actor, log.via, log.outcome) == ("alice", "command", "refused")

    def test_a_name_that_is_no_account_is_refused_and_logged(self, db, petition, tmp_path):
        with pytest.raises(CommandError, match="not an active Chorus account"):
            call_command(
                "export_signatures",
                "--petition",
                petition.slug,
                "--user",
                "mallory",
                "--output",
                "-",
            )

        log = ExportLog.objects.get()
        assert (log.actor, log.actor_id, log.outcome) == ("mallory", None, "refused")

    def test_a_superuser_may_export(self, django_user_model, petition, tmp_path):
        django_user_model.objects.create_superuser("root", "root@example.org", "password")

        call_command(
            "export_signatures",
            "--petition",
            petition.slug,
            "--user",
            "root",
            "--output",
            tmp_path / "o",
        )

        assert ExportLog.objects.get().outcome == "completed"


class TestProgress:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_it_counts_rows_on_a_terminal(self):
        terminal = self.Terminal()
        progress = Progress(total_rows=lambda: 10_000, stream=terminal)

        progress(5000)
        progress.done()

        assert terminal.getvalue() == "\r5,000/10,000 rows (50%)\n"

    def test_it_says_nothing_when_stderr_is_not_a_terminal(self):
        stream = io.StringIO()
        asked = []
        progress = Progress(total_rows=lambda: asked.append(1) or 10, stream=stream)

        progress(5)
        progress.done()

        assert stream.getvalue() == "" and not asked
        assert progress.written == 5
