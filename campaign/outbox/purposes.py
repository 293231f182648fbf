"""What an email is for, as the app that sends it registers it: the outbox knows no app's purposes.

Every OutboundEmail row names its purpose (`signature_confirmation`, `letter`…). The app that
queues such emails registers each purpose in its AppConfig.ready (`purpose_register`), as it
registers the templates the worker renders: its name (what rows store), its label (what staff
read in the admin), its kind, and whether the recipient is a supporter. `queue_email` refuses
a purpose nobody registered (ValueError), so a typo fails where it is written, not in a report.

- kind: transactional (sent because of something the recipient just did: a confirmation, the
  letter they wrote) or marketing (sent to people who consented to hear again: a campaign
  update), which must honour consent and unsubscribing;
- to_supporter: the recipient is a supporter, whose address is erased with the message after
  retention or on request (campaign.privacy); otherwise it is an office's public address (an
  MP, a minister), kept with the delivery record.
"""

import enum
from dataclasses import dataclass

from django.utils.functional import Promise


class PurposeKind(enum.StrEnum):
    TRANSACTIONAL = "transactional"
    MARKETING = "marketing"


@dataclass(frozen=True)
class Purpose:
    name: str
    label: str | Promise
    kind: PurposeKind
    to_supporter: bool


_purposes: dict[str, Purpose] = {}

# OutboundEmail.purpose's max_length (checked when registering, without importing the model here).
NAME_MAX_LENGTH = 32


def purpose_register(
    name: str,
    *,
    kind: PurposeKind,
    to_supporter: bool,
    label: str | Promise | None = None,
) -> None:
    """Let emails be queued with `purpose=name` (call it in your AppConfig.ready).

    `label` is what staff read (translatable); when `name` is a TextChoices member it defaults
    to the member's label. Registering the same name again replaces it (tests do).
    """
    name_str = str(name)
    if not name_str or len(name_str) > NAME_MAX_LENGTH:
        raise ValueError(f"A purpose's name has 1 to {NAME_MAX_LENGTH} characters: {name_str!r}")
    if label is None:
        label = getattr(name, "label", name_str)
    _purposes[name_str] = Purpose(
        name=name_str, label=label, kind=PurposeKind(kind), to_supporter=to_supporter
    )


def purpose_get(name: str) -> Purpose:
    """The registered purpose `name`; ValueError when no app registered it."""
    try:
        return _purposes[name]
    except KeyError:
        raise ValueError(
            f"No app registered the email purpose {name!r} (outbox.purpose_register)."
        ) from None


def purpose_label(name: str) -> str | Promise:
    """What staff read for `name`: its label, or the name itself when nobody registers it now
    (rows kept from a purpose since retired)."""
    purpose = _purposes.get(name)
    return purpose.label if purpose is not None else name


def purposes_registered() -> list[Purpose]:
    """Every registered purpose, by name."""
    return sorted(_purposes.values(), key=lambda p: p.name)


def supporter_purposes() -> list[str]:
    """The names of the purposes whose recipient is a supporter (see the module docstring)."""
    return [p.name for p in purposes_registered() if p.to_supporter]
