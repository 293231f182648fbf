"""The French catalog covers every string a supporter can read, and compiles without gettext.

The strings are read from the sources themselves (templates through Django's own
`templatize`, Python through its syntax tree), not from the `.po`: a string added to a
supporter template or email fails here until it is in locale/fr/LC_MESSAGES/django.po with a
translation (README: Languages).
"""

import ast
import gettext
import re
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation.template import templatize

from campaign.catalogs import catalog_compile

ROOT = Path(settings.BASE_DIR)
CATALOG = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"

# Every template under templates/ but the admin's: pages and emails supporters read.
SUPPORTER_TEMPLATES = [
    path
    for path in sorted((ROOT / "templates").rglob("*"))
    if path.is_file() and "admin" not in path.relative_to(ROOT / "templates").parts
]
# The Python whose strings reach supporters: forms and their errors, page messages, drafts.
SUPPORTER_MODULES = [
    "campaign/identities.py",
    "campaign/postal_codes.py",
    "campaign/views.py",
    "campaign/calls/views.py",
    "campaign/consent/scopes.py",
    "campaign/consent/wording.py",
    "campaign/mailings/services.py",
    "petitions/forms.py",
    "petitions/views.py",
    "letters/composing.py",
    "letters/forms.py",
    "letters/selectors.py",
    "letters/services.py",
    "letters/views.py",
]

_CALL = re.compile(
    r"\b(npgettext|ngettext|pgettext|gettext)\(((?:u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"\s*,\s*)*u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))"
)
_GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
_PGETTEXT_NAMES = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}


def template_msgids(path: Path) -> set[tuple[str | None, str]]:
    """(context, msgid) of every translated string in a template, as makemessages reads it."""
    found = set()
    for function, arguments in _CALL.findall(templatize(path.read_text(), origin=str(path))):
        strings = ast.literal_eval(f"({arguments},)")
        context = strings[0] if function.startswith(("pgettext", "npgettext")) else None
        found.add((context, strings[1] if context is not None else strings[0]))
    return found


def python_msgids(path: Path) -> set[tuple[str | None, str]]:
    """(context, msgid) of every gettext call with literal strings in a Python module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if name in _GETTEXT_NAMES and texts and isinstance(texts[0], str):
            found.add((None, texts[0]))
        elif name in _PGETTEXT_NAMES and len(texts) >= 2:
            found.add((texts[0], texts[1]))
    return found


def translated() -> dict[tuple[str | None, str], polib.POEntry]:
    return {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(CATALOG)).translated_entries()
    }


def test_the_extraction_finds_supporter_strings():
    """The reader above is not vacuously passing: it finds what makemessages finds."""
    assert (None, "Sign this petition") in template_msgids(
        ROOT / "templates" / "petitions" / "detail.html"
    )
    assert (
        "petition progress",
        "<strong>%(shown_count)s</strong> of %(shown_target)s signature",
    ) in template_msgids(ROOT / "templates" / "petitions" / "_progress.html")
    assert (None, "Enter your name.") in python_msgids(ROOT / "petitions" / "forms.py")


def test_every_string_of_a_supporter_template_or_email_has_a_french_translation():
    catalog = translated()
    missing = sorted(
        f"{path.relative_to(ROOT)}: {msgid!r}"
        for path in SUPPORTER_TEMPLATES
        for context, msgid in template_msgids(path)
        if (context, msgid) not in catalog
    )

    assert not missing, "Not translated (run makemessages, then translate):\n" + "\n".join(missing)


def test_every_supporter_message_from_python_has_a_french_translation():
    catalog = translated()
    missing = sorted(
        f"{module}: {msgid!r}"
        for module in SUPPORTER_MODULES
        for context, msgid in python_msgids(ROOT / module)
        if (context, msgid) not in catalog
    )

    assert not missing, "Not translated (run makemessages, then translate):\n" + "\n".join(missing)


_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdif]")


def _placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def test_every_translation_keeps_the_placeholders_of_its_original():
    wrong = []
    for entry in polib.pofile(str(CATALOG)).translated_entries():
        if entry.msgid_plural:
            originals = [entry.msgid, entry.msgid_plural]
            pairs = [(originals[min(i, 1)], t) for i, t in entry.msgstr_plural.items()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        wrong += [t for original, t in pairs if _placeholders(t) != _placeholders(original)]

    assert not wrong, wrong


def test_the_catalog_compiles_in_pure_python(tmp_path):
    po = tmp_path / "django.po"
    po.write_bytes(CATALOG.read_bytes())

    with catalog_compile(po).open("rb") as mo:
        french = gettext.GNUTranslations(mo)

    assert french.gettext("Sign the petition") == "Signer la pétition"
    assert french.ngettext("%(n)d day", "%(n)d days", 2) == "%(n)d jours"
