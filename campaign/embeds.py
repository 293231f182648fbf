"""Embeds: a petition or a letter shown in a frame on a partner organisation's own page.

Framing is refused everywhere (`X-Frame-Options: DENY`, CSP `frame-ancestors 'none'`) except
on embed responses, which name exactly the campaign's partner origins (`Campaign.
partner_origins`) in `frame-ancestors` and carry no X-Frame-Options (browsers that know CSP
ignore it when frame-ancestors is present; older ones would refuse every frame).

Why no CSRF cookie: inside a frame on another site, browsers send no SameSite=Lax cookie, so
Django's CSRF cookie would be missing from every POST and the form would always fail. Embed
forms carry a signed, timestamped token instead (`embed_token`): the POST must come from a form
we rendered in the last few hours. That is all CSRF protection buys on these forms anyway: a
signature or a letter holds only what the poster types and is confirmed by email.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt

from campaign.sharing import SOURCE_MAX_LENGTH, source_clean

TOKEN_FIELD = "embed_token"  # noqa: S105 - a form field's name
TOKEN_MAX_AGE = 6 * 60 * 60  # a form left open in a tab for an afternoon still works
_SALT = "chorus.embed-form"
_FRAME_ANCESTORS = re.compile(r"frame-ancestors[^;]*")


def embed_frame_ancestors(campaign) -> str:
    """The CSP directive of an embed of `campaign`: our own pages and its partners only."""
    return " ".join(["frame-ancestors", "'self'", *campaign.partner_origin_list])


def embed_policy(campaign) -> str:
    """The site's Content-Security-Policy with frame-ancestors naming `campaign`'s partners."""
    policy = settings.CONTENT_SECURITY_POLICY or ""
    directive = embed_frame_ancestors(campaign)
    if _FRAME_ANCESTORS.search(policy):
        return _FRAME_ANCESTORS.sub(directive, policy, count=1)
    return f"{policy}; {directive}" if policy else directive


def embed_token(*, slug: str) -> str:
    """A token for an embed form of the petition or letter `slug` (see the module docstring)."""
    return signing.TimestampSigner(salt=_SALT).sign(slug)


def embed_token_valid(token: str, *, slug: str) -> bool:
    """Whether `token` was made by embed_token for `slug` less than TOKEN_MAX_AGE ago."""
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(token or "", max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return value == slug


def embed_source(request, campaign, given: str) -> str:
    """The source to store for an action taken in an embed: the one the link gave, else
    `embed-<partner host>` when the frame's page (the Referer) is one of the campaign's
    partners, else `embed`."""
    if given:
        return given
    referer = urlsplit(request.headers.get("Referer", ""))
    origin = f"{referer.scheme}://{referer.netloc}".lower()
    if referer.hostname and origin in campaign.partner_origin_list:
        host = referer.hostname.replace(".", "-")
        return source_clean(f"embed-{host}"[:SOURCE_MAX_LENGTH]) or "embed"
    return "embed"


def embed_view(view):
    """An embed view: no X-Frame-Options, no CSRF cookie check (its forms carry embed_token),
    never cached. Each of its responses goes through `embed_framed`, which names the frames
    allowed."""
    return csrf_exempt(never_cache(xframe_options_exempt(view)))


def embed_framed(response, campaign):
    """`response`, allowed in frames on `campaign`'s partner sites only."""
    response["Content-Security-Policy"] = embed_policy(campaign)
    return response


class EmbedFrame:
    """Set on `request.embed` by an embed view: the pages it renders use the compact layout
    (`base_template`) and put `token` in their forms (campaign.context_processors.embed)."""

    base_template = "embed/base.html"

    def __init__(self, *, campaign, slug: str) -> None:
        self.campaign = campaign
        self.token = embed_token(slug=slug)


def embed_of(request) -> EmbedFrame | None:
    """The embed a request is rendered for, or None on the site's own pages."""
    return getattr(request, "embed", None)


EMBED_HEIGHT = {"petition": 900, "letter": 1100}  # px: the form without scrolling on a phone


@dataclass(frozen=True)
class EmbedSnippet:
    """What an organiser hands a partner: the HTML of a frame showing one action."""

    title: str
    html: str


def _snippet(url: str, title: str, height: int) -> str:
    return format_html(
        '<iframe src="{}" title="{}" loading="lazy" width="100%" height="{}" '
        'style="border:0;max-width:100%"></iframe>',
        url,
        title,
        height,
    )


def embed_snippets(campaign) -> list[EmbedSnippet]:
    """The iframe code of each of `campaign`'s petitions and letters (reversed by URL name:
    campaign never imports the apps), for the admin to show."""
    snippets = []
    for petition in campaign.petitions.order_by("pk"):
        url = settings.SITE_URL + reverse("petitions_embed:sign", kwargs={"slug": petition.slug})
        title = _("Petition: %(title)s") % {"title": petition.title}
        snippets.append(EmbedSnippet(title, _snippet(url, title, EMBED_HEIGHT["petition"])))
    for template in campaign.letter_templates.order_by("pk"):
        url = settings.SITE_URL + reverse(
            "letters_embed:start", kwargs={"campaign": campaign.slug, "template": template.slug}
        )
        title = _("Letter: %(title)s") % {"title": template.title}
        snippets.append(EmbedSnippet(title, _snippet(url, title, EMBED_HEIGHT["letter"])))
    return snippets
