"""The events Chorus sends to webhook endpoints. Names are part of the public contract.

No Django import: receivers' documentation and tests read these names as they are.
"""

SIGNATURE_CONFIRMED = "signature.confirmed"
LETTER_SENT = "letter.sent"
# Emitted when a consent is withdrawn (campaign.consent.services).
SUPPORTER_UNSUBSCRIBED = "supporter.unsubscribed"
# Sent only by the admin's "send a test event" action, to the one endpoint chosen.
TEST = "webhook.test"

# What an endpoint can subscribe to (the test event needs no subscription).
SUBSCRIBABLE = (SIGNATURE_CONFIRMED, LETTER_SENT, SUPPORTER_UNSUBSCRIBED)
ALL = (*SUBSCRIBABLE, TEST)
