"""`import_ministry` refuses a bad shuffle file in one line naming the row, and changes nothing."""

import pytest
from django.db import connections

from campaign.directory.management.commands.import_ministry import Command
from campaign.directory.models import OfficeHolder
from tests.directory.ministry import carney_ministry

pytestmark = pytest.mark.django_db


def holders():
    return sorted(
        OfficeHolder.objects.values_list("office__code", "name", "started_at", "ended_at", "email")
    )


def run_from_the_shell(path, monkeypatch, capsys) -> tuple[int, str]:
    """The command as `manage.py import_ministry FILE` runs it: exit status and stderr."""
    # The shell's run closes every connection when it ends; the test's must stay open.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "import_ministry", str(path)])
    return exited.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("bad_row", "error"),
    [
        (
            "Minister of Magic,Jean Successeur,2026-01-15",
            "line 3: unknown portfolio 'Minister of Magic'; nothing changed",
        ),
        (
            "Prime Minister,Jean Successeur,15/01/2026",
            "line 3: malformed date '15/01/2026'; nothing changed",
        ),
    ],
)
def test_it_refuses_a_bad_row_in_one_line_naming_it_and_changes_nothing(
    tmp_path, monkeypatch, capsys, bad_row, error
):
    carney_ministry()
    before = holders()
    path = tmp_path / "shuffle.csv"
    # The good first row would end Anita Anand's tenure: it must not apply either.
    path.write_text(
        "portfolio,holder,since\nMinister of Foreign Affairs,Jean Successeur,2026-01-15\n"
        f"{bad_row}\n"
    )

    status, stderr = run_from_the_shell(path, monkeypatch, capsys)

    assert status == 1
    assert stderr == f"CommandError: shuffle.csv: {error}\n"
    assert holders() == before
