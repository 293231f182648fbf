"""Who is signing: email identity (one signature per person) and the hashed client address.

The client's address itself comes from campaign.client_addresses, shared with letters.

Kept apart from services so the rules can be read (and tested) on their own.
"""

import hashlib

# Providers that ignore dots in the local part; for them `j.smith` and `jsmith` are one mailbox.
_DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def email_key(email: str) -> str:
    """The identity of an address: lower case, `+tag` removed, Gmail dots removed.

    `Jane.Doe+petition@GoogleMail.com` and `janedoe@gmail.com` share one key, so signing twice
    with such variants finds the first signature instead of making a second one.
    """
    local, _, domain = email.strip().lower().rpartition("@")
    local = local.split("+", 1)[0] or local
    if domain in _DOTLESS_DOMAINS:
        domain = _DOTLESS_DOMAINS[domain]
        local = local.replace(".", "")
    return f"{local}@{domain}"


def ip_hash(*, ip: str, salt: str) -> str:
    """A salted hash of an address: enough to spot a flood, useless to find the person."""
    if not ip:
        return ""
    return hashlib.sha256(f"{salt}:{ip}".encode()).hexdigest()
