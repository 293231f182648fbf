"""Email text from templates: rendered while queueing, or by the worker when the row is sent.

Most emails are rendered as they are queued (`queue_templated_email`): a letter must be stored
exactly as the supporter approved it. A row that names a `template` and has no body yet is
rendered by the worker that sends it instead. The petition confirmation works this way: a viral
petition queues hundreds of them a second, and the request that queues one then writes a
small row in the same statement as the signature (see `paired.insert_with_email`) while the
templates, the confirmation link and its signing run on the workers, which drain the queue at
their own pace.

The app that owns such an email registers a context builder for its template name (in its
AppConfig.ready). The builder receives the row and returns the template context, or None when
the email is no longer needed (the signature it confirms was confirmed or deleted meanwhile);
the row is then cancelled, not sent. A context may name the `language` to render in.
"""

from collections.abc import Callable, Mapping

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from campaign.outbox.models import OutboundEmail

ContextBuilder = Callable[[OutboundEmail], Mapping | None]

_builders: dict[str, ContextBuilder] = {}


class EmailNotNeeded(Exception):
    """The row this email served no longer wants it; the email is cancelled with this reason."""


def single_line(value: str) -> str:
    """Header values never carry CR/LF: a newline in a subject would let a sender add headers."""
    return " ".join(value.splitlines()).strip()


def template_register(name: str, build_context: ContextBuilder) -> None:
    """Let rows with `template=name` be rendered when sent, with `build_context(row)`."""
    _builders[name] = build_context


def template_is_registered(name: str) -> bool:
    return name in _builders


def render_templates(template: str, context: Mapping) -> tuple[str, str, str]:
    """(subject, text body, HTML body) from templates/emails/<template>-{subject,body}.txt and
    <template>-body.html, the subject on one line."""
    subject = render_to_string(f"emails/{template}-subject.txt", context)
    body_text = render_to_string(f"emails/{template}-body.txt", context)
    body_html = render_to_string(f"emails/{template}-body.html", context)
    return single_line(subject), body_text, body_html


def render_on_send(email: OutboundEmail) -> None:
    """Fill the row's subject and bodies from its template, in the language its context names.

    Raises EmailNotNeeded when the builder says the email has lost its purpose, and KeyError
    for a template nobody registered (a deployment mistake: the worker runs other code).
    """
    context = _builders[email.template](email)
    if context is None:
        raise EmailNotNeeded(email.template)
    language = context.get("language") or settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body_text, body_html = render_templates(email.template, context)
    email.subject = subject[: OutboundEmail._meta.get_field("subject").max_length]
    email.body_text = body_text
    email.body_html = body_html


def needs_rendering(email: OutboundEmail) -> bool:
    """Whether the row still waits for its text (queued with a template and no body)."""
    return bool(email.template) and not email.body_text
