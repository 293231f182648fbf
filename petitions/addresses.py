"""Who is signing: email identity (one signature per mailbox) and the hashed client address.

The client's address itself comes from campaign.client_addresses, shared with letters.

Kept apart from services so the rules can be read (and tested) on their own.
"""

import hashlib

from campaign.identities import mailbox_key

# One identity per mailbox, shared with letters: see campaign/identities.py.
email_key = mailbox_key


def ip_hash(*, ip: str, salt: str) -> str:
    """A salted hash of an address: enough to spot a flood, useless to find the person."""
    if not ip:
        return ""
    return hashlib.sha256(f"{salt}:{ip}".encode()).hexdigest()
