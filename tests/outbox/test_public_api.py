"""The outbox's public API: apps use only the names `campaign.outbox` exports, and register
their own purposes (the outbox names none)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

import campaign.outbox
from campaign.outbox import purposes
from campaign.outbox.models import OutboundEmail
from letters.purposes import LetterPurpose
from petitions.purposes import PetitionPurpose

ROOT = Path(settings.BASE_DIR)
OUTBOX = ROOT / "campaign" / "outbox"


def _app_modules() -> list[Path]:
    """Every module of the apps and of the project package but the outbox (migrations aside)."""
    found = []
    for folder in ("campaign", "petitions", "letters"):
        for path in (ROOT / folder).rglob("*.py"):
            if OUTBOX in path.parents or "migrations" in path.parts:
                continue
            found.append(path)
    return found


def _outbox_imports(path: Path) -> list[tuple[int, str]]:
    """(line, what) for every import of the outbox in `path` not through its public names."""
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            wrong += [
                (node.lineno, f"import {alias.name}")
                for alias in node.names
                if alias.name == "campaign.outbox" or alias.name.startswith("campaign.outbox.")
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("campaign.outbox."):
                wrong.append((node.lineno, f"from {node.module} import …"))
            elif node.module == "campaign.outbox":
                wrong += [
                    (node.lineno, f"from campaign.outbox import {alias.name}")
                    for alias in node.names
                    if alias.name not in campaign.outbox.__all__
                ]
            elif node.module == "campaign":
                wrong += [
                    (node.lineno, "from campaign import outbox")
                    for alias in node.names
                    if alias.name == "outbox"
                ]
    return wrong


def test_the_scan_sees_the_apps_and_catches_an_internal_import(tmp_path):
    modules = {p.relative_to(ROOT).as_posix() for p in _app_modules()}
    assert {"petitions/services.py", "letters/services.py", "campaign/privacy/services.py"} <= (
        modules
    )
    module = tmp_path / "m.py"
    module.write_text(
        "from campaign.outbox.paired import insert_with_email\n"
        "from campaign.outbox import queue_email, email_build\n"
        "import campaign.outbox.services\n"
        "from campaign import outbox\n"
    )

    assert [line for line, _ in _outbox_imports(module)] == [1, 2, 3, 4]


def test_apps_import_only_the_outboxs_public_names():
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in _app_modules()
        for line, what in _outbox_imports(path)
    ]

    assert wrong == [], "Import these from campaign.outbox (its __all__) instead."


@pytest.mark.parametrize("name", campaign.outbox.__all__)
def test_every_public_name_resolves(name):
    assert getattr(campaign.outbox, name) is not None


def test_the_outbox_names_no_purpose_and_stores_any_registered_one():
    source = "\n".join(p.read_text() for p in OUTBOX.rglob("*.py") if "migrations" not in p.parts)

    assert "purpose_register(" not in source.replace("def purpose_register(", "")
    assert OutboundEmail._meta.get_field("purpose").choices is None


def test_the_apps_register_their_purposes_with_a_kind_and_whom_they_go_to():
    registered = {p.name: p for p in purposes.purposes_registered()}

    assert set(PetitionPurpose) | set(LetterPurpose) <= set(registered)
    confirmation = registered[PetitionPurpose.SIGNATURE_CONFIRMATION]
    assert (confirmation.kind, confirmation.to_supporter) == ("transactional", True)
    assert str(confirmation.label) == "Signature confirmation"
    assert registered[LetterPurpose.LETTER].to_supporter is False
    assert registered[PetitionPurpose.TARGET_UPDATE].to_supporter is False


def test_a_purpose_name_must_fit_the_column():
    with pytest.raises(ValueError):
        purposes.purpose_register("x" * 33, kind="transactional", to_supporter=True)


def test_a_templates_decide_answers_with_public_outcomes():
    assert {"Send", "Cancel", "Become", "template_register"} <= set(campaign.outbox.__all__)
