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

Decide, then build
------------------
The app that owns such an email registers its template (in its AppConfig.ready) with two
steps, run by the worker in this order just before sending:

- `decide(row, obj)`, the one place an app may write at send time (claim a count, delete an
  attempt), returns what becomes of the row: `Send()` it as it stands; `Cancel(reason)` it
  (what it served no longer wants it: the signature was confirmed or deleted meanwhile); or
  `Become(template, purpose, related_id)`, another email, which the outbox writes into its own
  row in the same transaction as decide's writes, then loads the new object and decides and
  renders that template (so a retry renders the new one too). Every decide runs in one
  transaction: its writes and the row's change commit together, or not at all.
- `build_context(row, obj)` reads only, and returns the template context (which may name the
  `language` to render in). Without a decide, the row is always sent.

`related()` is the queryset the rows' related objects come from: a worker loads them for its
whole batch in one query. `decide_batch(pairs)`, optional, decides many rows of one template
at once (a petition's confirmations: one UPDATE claims a whole batch's rate-limit counts),
exactly as `decide` would decide them one by one, in order. The worker gives it the run of rows
it is about to send without waiting; a row it decided may still not be sent this time (the
worker stopped, the server failed) and is decided again on its retry, so it suits a decision
about the object (counted once, flagged or not), not a claim per email sent.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation

from campaign.outbox.models import OutboundEmail
from campaign.outbox.purposes import purpose_get


@dataclass(frozen=True)
class Send:
    """Decided: send the row as it stands, its template built from its object."""


@dataclass(frozen=True)
class Cancel:
    """Decided: what the email served no longer wants it, so it is cancelled unsent.

    `reason` goes to the worker's log (name no address in it); the row's `last_error` says
    what every such row says, so staff read one reason for the one outcome.
    """

    reason: str


@dataclass(frozen=True)
class Become:
    """Decided: the row is now another email, `template` for `purpose`, serving the object
    `related_id` (of the same model: the row keeps its related_type). The outbox rewrites its
    row, in decide's transaction, then decides and renders the new template."""

    template: str
    purpose: str
    related_id: int


Decision = Send | Cancel | Become
Pair = tuple[OutboundEmail, models.Model | None]
Decide = Callable[[OutboundEmail, models.Model | None], Decision]
DecideBatch = Callable[[Sequence[Pair]], Sequence[Decision]]
BuildContext = Callable[[OutboundEmail, models.Model | None], Mapping]

_SEND = Send()


@dataclass(frozen=True)
class _Registered:
    build_context: BuildContext
    related: Callable[[], models.QuerySet] | None
    decide: Decide | None
    decide_batch: DecideBatch | None


@dataclass(frozen=True)
class Decided:
    """What a row's decide came to (after any Become), with the object to build it from."""

    decision: Send | Cancel
    related: models.Model | None


_builders: dict[str, _Registered] = {}


class EmailNotNeeded(Exception):
    """The row's decide cancelled it; the email is cancelled unsent (`args[0]`: the reason)."""


def single_line(value: str) -> str:
    """Header values never carry CR/LF: a newline in a subject would let a sender add headers."""
    return " ".join(value.splitlines()).strip()


def template_register(
    name: str,
    build_context: BuildContext,
    *,
    related: Callable[[], models.QuerySet] | None = None,
    decide: Decide | None = None,
    decide_batch: DecideBatch | None = None,
) -> None:
    """Let rows with `template=name` be rendered when sent (see the module docstring).

    `decide(row, obj)` may write and returns Send(), Cancel(reason) or Become(...); without
    it every row is sent. `build_context(row, obj)` reads only and returns the context.
    `related()` is the queryset the rows' related objects are read from (with whatever the
    context needs joined in); a worker loads them for a whole batch in one query
    (`related_objects`), and `obj` is None when the row's object is gone. `decide_batch(pairs)`
    returns, for a list of (row, obj), what `decide` would return for each, in order.
    """
    if decide_batch is not None and decide is None:
        raise ValueError(f"Template {name!r}: a decide_batch needs the decide it stands for.")
    _builders[name] = _Registered(
        build_context=build_context, related=related, decide=decide, decide_batch=decide_batch
    )


def template_is_registered(name: str) -> bool:
    return name in _builders


def decides_in_batches(name: str) -> bool:
    """Whether rows of template `name` are better decided many at once (`decide_many`)."""
    registered = _builders.get(name)
    return registered is not None and registered.decide_batch is not None


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


def _settled(email: OutboundEmail, decision: Decision, obj: models.Model | None) -> Decided:
    """Apply a Become (inside decide's transaction): the row is rewritten, its new object
    loaded and its new template's decide asked, which must Send or Cancel."""
    if isinstance(decision, Become):
        if not template_is_registered(decision.template):
            raise KeyError(f"Become: no template {decision.template!r} is registered")
        purpose = purpose_get(str(decision.purpose)).name
        email.template, email.purpose = decision.template, purpose
        email.related_id = decision.related_id
        OutboundEmail.objects.filter(pk=email.pk).update(
            template=email.template, purpose=email.purpose, related_id=email.related_id
        )
        # Read as its template reads a batch's (None if gone).
        obj = related_objects([email]).get(email.pk)
        decide = _builders[email.template].decide
        decision = decide(email, obj) if decide is not None else _SEND
        if isinstance(decision, Become):
            raise ValueError(f"Template {email.template!r} became another again; once is all.")
    if not isinstance(decision, Send | Cancel):
        raise TypeError(f"decide returned {decision!r}, not Send, Cancel or Become")
    return Decided(decision, obj)


def decide(email: OutboundEmail, related: models.Model | None) -> Decided:
    """Run the row's decide, in one transaction with the row's change if it Becomes."""
    registered = _builders[email.template]
    if registered.decide is None:
        return Decided(_SEND, related)
    with transaction.atomic():
        return _settled(email, registered.decide(email, related), related)


def decide_many(pairs: Sequence[Pair]) -> dict[int, Decided]:
    """What `decide` would give each (row, obj) of one template with a decide_batch, by row id,
    in one call of it and one transaction."""
    registered = _builders[pairs[0][0].template]
    with transaction.atomic():
        decisions = registered.decide_batch(pairs)
        if len(decisions) != len(pairs):
            raise ValueError(f"decide_batch gave {len(decisions)} decisions for {len(pairs)} rows")
        return {
            email.pk: _settled(email, decision, obj)
            for (email, obj), decision in zip(pairs, decisions, strict=True)
        }


def render_on_send(
    email: OutboundEmail, related: models.Model | None = None, decided: Decided | None = None
) -> None:
    """Decide the row (unless `decided` already), then fill its subject and bodies from its
    template, in the language its context names.

    `related` is the row's object as `related_objects` loaded it (None if gone or not asked).
    Raises EmailNotNeeded when decide cancels the email, and KeyError for a template nobody
    registered (a deployment mistake: the worker runs other code).
    """
    if decided is None:
        decided = decide(email, related)
    if isinstance(decided.decision, Cancel):
        raise EmailNotNeeded(decided.decision.reason)
    context = _builders[email.template].build_context(email, decided.related)
    if context is None:
        raise TypeError(f"The context builder of {email.template!r} returned no context")
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
