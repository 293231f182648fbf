"""The outbox: one place every outbound email passes through, and its whole public API.

Apps import only the names below, from `campaign.outbox` (tests/outbox/test_public_api.py
fails on anything else), and the outbox imports no app:

- writing: `queue_email` (the one way in: ready text, templates rendered now, or rendered by
  the worker when sent, alone or in one statement with the row it serves), in the caller's
  transaction, and its batch form `queue_emails` (many emails of one purpose with their text,
  one INSERT: a mailing's chunk);
- registering, in the app's AppConfig.ready: `purpose_register` (what its emails are for,
  with `PurposeKind`) and `template_register` (the templates the worker renders: a `decide`
  step, the one place an app writes at send time, returning `Send`, `Cancel` or `Become`,
  then a `build_context` that only reads);
- reading: the `OutboundEmail` and `Suppression` models and the selectors
  (`emails_for`, `is_suppressed`, `suppressions_of`…);
- a supporter's data (campaign.privacy): `emails_of`, `emails_erase`, `mailbox_suppress`,
  `redact_links`;
- hooks, registered in AppConfig.ready: `after_sent_register` (run when a purpose's email is
  marked sent, in that transaction: webhooks) and `complaint_handler_register` (a recipient
  marked an email as spam: the consent ledger withdraws);
- `outbound_email_cancel` (queued rows an app no longer wants sent: a withdrawn consent) and
  `single_line` (a header value on one line);
- `broker_breaker`: whether the Celery broker recently failed, for an app publishing its own
  task from a request (petitions' target updates), so it waits on a dead broker no more
  than the outbox does.

The names resolve when first used (PEP 562 `__getattr__`), not when this package is imported:
Django imports it to find the app before any model can be loaded.
"""

from importlib import import_module

# Public name -> the module that defines it.
_EXPORTS = {
    "queue_email": "queueing",
    "queue_emails": "queueing",
    "purpose_register": "purposes",
    "PurposeKind": "purposes",
    "template_register": "rendering",
    "Send": "rendering",
    "Cancel": "rendering",
    "Become": "rendering",
    "OutboundEmail": "models",
    "Suppression": "models",
    "emails_for": "selectors",
    "emails_related_to": "selectors",
    "is_suppressed": "selectors",
    "suppression_for": "selectors",
    "suppressions_of": "selectors",
    "sent_message_ids": "selectors",
    "outbox_health": "selectors",
    "Health": "selectors",
    "emails_of": "privacy",
    "emails_erase": "privacy",
    "mailbox_suppress": "privacy",
    "redact_links": "redaction",
    "broker_breaker": "services",
    "outbound_email_cancel": "services",
    "single_line": "rendering",
    "after_sent_register": "hooks",
    "complaint_handler_register": "bounces",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # once: later lookups are plain module attributes
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
