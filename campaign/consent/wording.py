"""The consent sentences supporters see beside unticked boxes; stored verbatim when ticked.

One wording per purpose for petitions and letters, so a supporter agrees to the same thing on
either page.
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

# CASL: this exact wording (in the page's language) is stored with every consent it records.
CAMPAIGN_UPDATES_CONSENT = gettext_lazy(
    "Yes, email me news about this campaign and related campaigns run with Chorus. "
    "I can unsubscribe at any time."
)


def _organisation_newsletter_consent() -> str:
    # Translated and filled in when shown: the page's language, and the name as set now.
    return gettext(
        "Yes, also email me the %(organisation)s newsletter, with news of all its work. "
        "I can unsubscribe at any time."
    ) % {"organisation": settings.ORGANISATION_NAME}


# The second box, shown only when the organisation runs a newsletter (ORGANISATION_NEWSLETTER);
# stored verbatim too, and recorded under the ledger's `newsletter` scope.
ORGANISATION_NEWSLETTER_CONSENT = lazy(_organisation_newsletter_consent, str)()


def organisation_newsletter_offered() -> bool:
    """Whether the forms ask for the organisation's newsletter (it has said it runs one)."""
    return settings.ORGANISATION_NEWSLETTER
