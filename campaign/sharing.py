"""Sharing a campaign: where a supporter came from (`?source=`), share links, preview cards.

A source is a short code an organiser puts in the links they hand out (`?source=newsletter`,
`?source=partner-amnesty`); the share links add `share-<network>`, an embed `embed-<host>`.
It travels through a supporter's steps in the query string and hidden form fields (no cookie,
no script) and is stored with each signature and letter, so the dashboard can say which post
or partner brought people. Anything that is not a short code is ignored, never an error: a
mangled link must still lead to a working page.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaign.languages import current_language

SOURCE_PARAM = "source"
SOURCE_MAX_LENGTH = 40
_SOURCE = re.compile(r"[a-z0-9_-]{1,40}")

# og:locale of each site language (Open Graph wants language_TERRITORY).
OG_LOCALES = {"en": "en_CA", "fr": "fr_CA"}


def source_clean(value: object) -> str:
    """`value` when it is a source code (`[a-z0-9_-]{1,40}`), else "" (ignored, never an error)."""
    if isinstance(value, str) and _SOURCE.fullmatch(value):
        return value
    return ""


def source_of(request) -> str:
    """The source a request carries: a POSTed form's hidden field, else the query string."""
    if request.method == "POST" and SOURCE_PARAM in request.POST:
        return source_clean(request.POST.get(SOURCE_PARAM))
    return source_clean(request.GET.get(SOURCE_PARAM))


def with_source(url: str, source: str) -> str:
    """`url` carrying `source` (a cleaned code) in its query string; unchanged without one."""
    if not source:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({SOURCE_PARAM: source})}"


def campaign_share_image_url(campaign) -> str:
    """The absolute address of the image a shared link to `campaign` shows (og:image).

    The organiser's own image when the campaign has one (stored already cropped to the
    1200x630 of a preview card, campaign.campaign_images); otherwise the card we draw from its
    title (campaign.share_images), in the page's language.
    """
    if campaign.image:
        return f"{settings.SITE_URL}{campaign.image.url}"
    path = reverse("campaign:share_image", kwargs={"slug": campaign.slug})
    return f"{settings.SITE_URL}{path}?v={share_image_version(campaign)}"


def share_image_version(campaign) -> str:
    """Changes whenever the campaign is saved: in the image's address and its cache key."""
    return str(int(campaign.updated_at.timestamp() * 1_000_000)) if campaign.updated_at else "0"


@dataclass(frozen=True)
class ShareLink:
    """A plain link that opens a network's share page (or the supporter's mail program)."""

    network: str
    label: str  # the accessible name, in the page's language
    url: str


def share_links(*, page_url: str, title: str, text: str) -> list[ShareLink]:
    """Links sharing `page_url` (absolute) with the campaign's words, each carrying
    `?source=share-<network>` so the dashboard counts who came from which network.

    `title` is the email's subject; `text` the sentence the post or message carries.
    """

    def url_for(network: str) -> str:
        return with_source(page_url, f"share-{network}")

    def q(value: str) -> str:
        # quote, not urlencode: in a mailto: address "+" is a plus sign, not a space.
        return quote(value, safe="")

    email_body = f"{text}\n\n{url_for('email')}"
    return [
        ShareLink(
            "email",
            str(_("Share by email")),
            f"mailto:?subject={q(title)}&body={q(email_body)}",
        ),
        ShareLink(
            "x",
            str(_("Share on X (Twitter)")),
            f"https://x.com/intent/post?text={q(text)}&url={q(url_for('x'))}",
        ),
        ShareLink(
            "facebook",
            str(_("Share on Facebook")),
            f"https://www.facebook.com/sharer/sharer.php?u={q(url_for('facebook'))}",
        ),
        ShareLink(
            "whatsapp",
            str(_("Share on WhatsApp")),
            f"https://wa.me/?text={q(text + ' ' + url_for('whatsapp'))}",
        ),
        ShareLink(
            "bluesky",
            str(_("Share on Bluesky")),
            f"https://bsky.app/intent/compose?text={q(text + ' ' + url_for('bluesky'))}",
        ),
    ]


@dataclass(frozen=True)
class ShareCard:
    """What a link preview (Open Graph, Twitter card) shows for a page."""

    title: str
    description: str
    url: str
    image_url: str
    locale: str
    alternate_locales: tuple[str, ...]


def share_card(*, request, campaign, title: str, description: str) -> ShareCard:
    """The preview card of the page `request` is for: its canonical address (no query string:
    a card shared from `?source=x` still names the page), in the page's language."""
    language = current_language()
    locale = OG_LOCALES.get(language, OG_LOCALES[settings.LANGUAGE_CODE])
    return ShareCard(
        title=title,
        description=description,
        url=settings.SITE_URL + request.path,
        image_url=campaign_share_image_url(campaign),
        locale=locale,
        alternate_locales=tuple(v for k, v in OG_LOCALES.items() if v != locale),
    )


class SourceField(forms.CharField):
    """A hidden form field carrying the source code; anything else becomes "" (never an error:
    the supporter cannot see or fix it)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.HiddenInput)
        super().__init__(**kwargs)

    def clean(self, value):
        return source_clean(value)
