"""Email text from templates: rendered while queueing, or by the worker when the row is sent.

Most emails are rendered as they are queued (`queue_email` with a `context`): a letter must be
stored exactly as the supporter approved it. A row that names a `template` and has no body yet
is rendered by the worker that sends it instead. The petition confirmation works this way: a viral
petition queues hundreds of them a second, and the request that queues one then writes a
small row in the same statement as the signature (see `paired.insert_with_email`) while the
templates, the confirmation link and its signing run on the workers, which drain the queue at
their own pace. A letter's confirmation works this way too, and for both the worker decides
what a second attempt with a known address gets (the confirmation again, a "you already wrote"
notice, or nothing), so the request does the same work either way and its time tells nothing.
A builder may turn its row into another template's (saving the change itself, so a retry
renders the same): `render_on_send` reads the row's template after building the context.

The app that owns such an email registers a context builder for its template name (in its
AppConfig.ready), with the queryset its rows' related objects come from: a worker loads them
for its whole batch in one query. The builder receives the row and its object and returns the
template context, or None when the email is no longer needed (the signature it confirms was
confirmed or deleted meanwhile); the row is then cancelled, not sent. A context may name the
`language` to render in.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation

from campaign.outbox.models import OutboundEmail


@dataclass(frozen=True)
class _Registered:
    build_context: Callable[[OutboundEmail, models.Model | None], Mapping | None]
    related: Callable[[], models.QuerySet] | None


_builders: dict[str, _Registered] = {}


class EmailNotNeeded(Exception):
    """The row this email served no longer wants it; the email is cancelled with this reason."""


def single_line(value: str) -> str:
    """Header values never carry CR/LF: a newline in a subject would let a sender add headers."""
    return " ".join(value.splitlines()).strip()


def template_register(
    name: str,
    build_context: Callable[[OutboundEmail, models.Model | None], Mapping | None],
    *,
    related: Callable[[], models.QuerySet] | None = None,
) -> None:
    """Let rows with `template=name` be rendered when sent, with `build_context(row, obj)`.

    `related()` is the queryset the rows' related objects are read from (with whatever the
    context needs joined in); a worker loads them for a whole batch in one query
    (`related_objects`), and `obj` is None when the row's object is gone.
    """
    _builders[name] = _Registered(build_context=build_context, related=related)


def template_is_registered(name: str) -> bool:
    return name in _builders


def render_templates(template: str, context: Mapping) -> tuple[str, str, str]:
    """(subject, text body, HTML body) from templates/emails/<template>-{subject,body}.txt and
    <template>-body.html, the subject on one line."""
    subject = render_to_string(f"emails/{template}-subject.txt", context)
    body_text = render_to_string(f"emails/{template}-body.txt", context)
    body_html = render_to_string(f"emails/{template}-body.html", context)
    return single_line(subject), body_text, body_html


def related_objects(emails: Iterable[OutboundEmail]) -> dict[int, models.Model]:
    """The related object of every row waiting to be rendered, by row id: one query per
    template among them, instead of one per row."""
    wanted: dict[str, list[OutboundEmail]] = {}
    for email in emails:
        if needs_rendering(email) and email.related_id is not None:
            wanted.setdefault(email.template, []).append(email)
    found: dict[int, models.Model] = {}
    for template, rows in wanted.items():
        registered = _builders.get(template)
        if registered is None or registered.related is None:
            continue
        objects = registered.related().in_bulk({row.related_id for row in rows})
        for row in rows:
            if row.related_id in objects:
                found[row.pk] = objects[row.related_id]
    return found


def render_on_send(email: OutboundEmail, related: models.Model | None = None) -> None:
    """Fill the row's subject and bodies from its template, in the language its context names.

    `related` is the row's object as `related_objects` loaded it (None if gone or not asked).
    Raises EmailNotNeeded when the builder says the email has lost its purpose, and KeyError
    for a template nobody registered (a deployment mistake: the worker runs other code).
    """
    context = _builders[email.template].build_context(email, related)
    if context is None:
        raise EmailNotNeeded(email.template)
    language = context.get("language") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body_text, body_html = render_templates(email.template, context)
    email.subject = subject[: OutboundEmail._meta.get_field("subject").max_length]
    email.body_text = body_text
    email.body_html = body_html
    # Sent with the message (not stored: the row records what was said, not its headers).
    email.headers = {**email.headers, "Content-Language": language}


def needs_rendering(email: OutboundEmail) -> bool:
    """Whether the row still waits for its text (queued with a template and no body)."""
    return bool(email.template) and not email.body_text
