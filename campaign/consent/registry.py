"""Who acts when consent is withdrawn: mailings cancel what is still queued for the person.

The ledger imports no app and no mailing: a package that holds mail waiting on consent
registers a handler here (in its AppConfig.ready). Handlers run inside the withdrawal's
transaction, after its row is written, with the mailbox key and the scope.
"""

from collections.abc import Callable

WithdrawalHandler = Callable[..., None]

_handlers: dict[str, WithdrawalHandler] = {}


def withdrawal_handler_register(name: str, handler: WithdrawalHandler) -> None:
    """Add (or replace, by name) a handler called as `handler(mailbox_key=…, scope=…)`."""
    _handlers[name] = handler


def withdrawal_handlers() -> list[WithdrawalHandler]:
    return list(_handlers.values())
