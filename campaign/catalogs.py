"""Translation catalogs: the committed `.po` files compiled to the `.mo` files Django reads.

Compiled in pure Python (polib), so a fresh clone needs no GNU gettext: `make install` (and so
`make run` and `make test`) and the Docker image compile them. `.mo` files are not committed:
they would be a second copy of the `.po` that can drift from it. Fuzzy and untranslated
entries are left out, as msgfmt leaves them out, so such a string shows in English.
"""

from pathlib import Path

import polib


def catalogs(locale_dirs) -> list[Path]:
    """Every `.po` file under the given locale folders (<dir>/<lang>/LC_MESSAGES/*.po)."""
    return sorted(
        po for directory in locale_dirs for po in Path(directory).glob("*/LC_MESSAGES/*.po")
    )


def is_stale(po: Path) -> bool:
    """Whether `po`'s `.mo` is missing or older than it."""
    mo = po.with_suffix(".mo")
    return not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime


def catalog_compile(po: Path) -> Path:
    """Write `po`'s `.mo` beside it and return its path. Raises OSError or ValueError (polib's
    error for a file it cannot read) with the reason."""
    mo = po.with_suffix(".mo")
    polib.pofile(str(po)).save_as_mofile(str(mo))
    return mo
