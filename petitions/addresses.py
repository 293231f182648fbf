"""The hashed client address kept with a signature.

Who is signing (one signature per mailbox) is campaign.identities.mailbox_key, shared with
letters; the client's address itself comes from campaign.client_addresses.

Kept apart from services so the rules can be read (and tested) on their own.
"""

import hashlib


def ip_hash(*, ip: str, salt: str) -> str:
    """A salted hash of an address: enough to spot a flood, useless to find the person."""
    if not ip:
        return ""
    return hashlib.sha256(f"{salt}:{ip}".encode()).hexdigest()
