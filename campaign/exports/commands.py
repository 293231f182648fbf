"""What the export commands share: who runs them, where the file goes, a progress counter."""

import getpass
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from campaign.exports.forms import errors_in_one_line
from campaign.exports.models import ExportLog
from campaign.exports.services import export_refuse

# Bad input: one line on stderr and this status (as argparse does for a bad option).
BAD_INPUT = 2
REFUSED = 1


def add_common_arguments(parser) -> None:
    """--output, --excel and --user, the same for every export command."""
    parser.add_argument(
        "--output", required=True, help="The CSV file to write (mode 0600), or - for stdout."
    )
    parser.add_argument("--excel", action="store_true", help="Start with a UTF-8 BOM, for Excel.")
    parser.add_argument(
        "--user",
        help="The Chorus account running the export (default: your login name); it must "
        "hold the export permission, and the export log names it.",
    )


def command_user(*, username: str | None, permission: str, kind: str, subject: str, filters):
    """The active account named `username` (default: the OS login name) holding `permission`;
    otherwise the refusal is logged and the command stops in one line."""
    username = username or getpass.getuser()
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None or not user.has_perm(permission):
        export_refuse(
            actor=user or username,
            via=ExportLog.Via.COMMAND,
            kind=kind,
            subject=subject,
            filters=filters,
            note="" if user else "no such active account",
        )
        reason = "holds no export permission" if user else "is not an active Chorus account"
        raise CommandError(
            f"{username!r} {reason} ({permission}); pass --user with an account that has it",
            returncode=REFUSED,
        )
    return user


def output_check(output: str) -> None:
    """Refuse, before any query, an output the command could not write."""
    if output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise CommandError(f"--output: {output} is a folder", returncode=BAD_INPUT)
    if not path.parent.is_dir():
        raise CommandError(f"--output: no folder {path.parent}", returncode=BAD_INPUT)


@contextmanager
def output_open(output: str, stdout) -> Iterator:
    """A binary file-like for `output`. A file is written beside its final name, readable by
    its owner only, and renamed into place at the end: a failed export leaves no file."""
    if output == "-":
        yield _binary(stdout)
        return
    path = Path(output)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _TextSink:
    """Bytes written to a text stream (a command's stdout replaced by a StringIO in tests)."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, chunk: bytes) -> None:
        self.stream.write(chunk.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


def _binary(stdout):
    stream = getattr(stdout, "_out", stdout)
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else _TextSink(stream)


class Progress:
    """Rows written so far, on stderr, only when stderr is a terminal (not in cron or a pipe)."""

    def __init__(self, total_rows=None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total = total_rows() if self.enabled and total_rows else None
        self.written = 0

    def __call__(self, written: int) -> None:
        self.written = written
        if not self.enabled:
            return
        if self.total:
            shown = f"{written:,}/{self.total:,} rows ({written * 100 // self.total}%)"
        else:
            shown = f"{written:,} rows"
        self.stream.write(f"\r{shown}")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def export_command_run(
    command,
    *,
    options: dict,
    data: dict,
    form_class,
    permission: str,
    kind: str,
    subject: str,
    stream,
    count=None,
) -> int:
    """What every export command does: check who runs it (refusals logged), bind `data` to
    the admin's form (bad input: one line, exit 2), then stream the logged CSV to --output,
    counting rows on a terminal (`count(export)` gives the total). Returns the rows written."""
    user = command_user(
        username=options["user"],
        permission=permission,
        kind=kind,
        subject=subject,
        filters={key: value for key, value in data.items() if value},
    )
    form = form_class(data)
    if not form.is_valid():
        raise CommandError(errors_in_one_line(form), returncode=BAD_INPUT)
    output_check(options["output"])
    export = form.export()
    progress = Progress(total_rows=(lambda: count(export)) if count else None)
    chunks = stream(export, user, progress)
    with output_open(options["output"], command.stdout) as out:
        for chunk in chunks:
            out.write(chunk)
    progress.done()
    return progress.written
