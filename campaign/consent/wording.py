"""The consent sentences supporters see beside an unticked box; stored verbatim when ticked.

One wording for petitions and letters, so a supporter agrees to the same thing on either page.
"""

from django.utils.translation import gettext_lazy as _

# CASL: this exact wording (in the page's language) is stored with every consent it records.
CAMPAIGN_UPDATES_CONSENT = _(
    "Yes, email me news about this campaign and related campaigns run with Chorus. "
    "I can unsubscribe at any time."
)
