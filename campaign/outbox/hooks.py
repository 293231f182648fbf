"""What an app does once one of its emails is sent: hooks registered per purpose.

The outbox knows no app. An app that must act when its mail goes out (letters: tell the
organisation's systems the letter left) registers a hook in its AppConfig.ready:

    after_sent_register(purpose, hook, wanted=predicate)

`wanted()` says whether the hook has anything to do now (no endpoint listens for letters): when
it is false the sending loop stays one statement per message. `hook(email)` runs in the
worker, inside the transaction that marks the row sent, so what it writes is committed with
that mark or not at all. A hook that raises is logged and its writes
rolled back (a savepoint); the row stays sent: the message has left, and a failing hook must
never make it go twice.
"""

import logging
from collections.abc import Callable

from django.db import transaction

log = logging.getLogger(__name__)

AfterSent = Callable[[object], None]

_after_sent: dict[str, list[tuple[AfterSent, Callable[[], bool] | None]]] = {}


def after_sent_register(
    purpose: str, hook: AfterSent, *, wanted: Callable[[], bool] | None = None
) -> None:
    """Call `hook(email)` whenever an email of `purpose` is marked sent, if `wanted()` (when
    given) says so at that moment. Idempotent."""
    hooks = _after_sent.setdefault(str(purpose), [])
    if all(registered is not hook for registered, _wanted in hooks):
        hooks.append((hook, wanted))


def after_sent_hooks(purpose: str) -> tuple[AfterSent, ...]:
    """The hooks of `purpose` that want to run now (none for most: the sending loop then
    stays one statement per message)."""
    return tuple(
        hook for hook, wanted in _after_sent.get(str(purpose), ()) if wanted is None or wanted()
    )


def after_sent_run(email, hooks: tuple[AfterSent, ...]) -> None:
    """Run `hooks` for `email`, each in its own savepoint; a failure is logged, not raised."""
    for hook in hooks:
        try:
            with transaction.atomic():
                hook(email)
        except Exception:
            log.exception("outbox: after-sent hook %r failed for email %s", hook, email.pk)
