"""Supporters' data rights: what Chorus holds on one mailbox, its export, and its erasure.

Petitions, letters and the outbox each hold part of a supporter's data, and the apps never
import each other, so this package never imports them either: each app registers what it holds
(`registry.holder_register`, in its AppConfig.ready), as apps register the emails the outbox
renders. `services` asks every holder in turn:

- `services.mailbox_held(address)`: every signature, letter, email and consent under the
  mailbox (`campaign.identities.mailbox_key`), for the staff page and its JSON export;
- `services.mailbox_erase(address, …)`: the personal data erased, a hashed suppression kept
  (`campaign.outbox`: no more mail), an audit entry naming only the mailbox's hash;
- `links`: the signed "remove my data" link supporters' emails carry, and what it points at.
"""
