"""Template tags for sharing a campaign's pages: preview-card tags, share links, source field."""

from django import template
from django.conf import settings

from campaign import sharing

register = template.Library()


@register.inclusion_tag("campaign/_share_meta.html", takes_context=True)
def share_meta(context, *, campaign, title, description):
    """Open Graph and Twitter card tags for the page being rendered (in `{% block head %}`)."""
    card = sharing.share_card(
        request=context["request"],
        campaign=campaign,
        title=str(title),
        description=str(description),
    )
    return {"card": card}


@register.inclusion_tag("campaign/_share_links.html")
def share_links(*, page_url, title, text, heading=""):
    """Plain links sharing `page_url` (absolute, or a path on this site) on each network,
    each with its `?source=`."""
    if str(page_url).startswith("/"):
        page_url = settings.SITE_URL + str(page_url)
    return {
        "links": sharing.share_links(page_url=page_url, title=str(title), text=str(text)),
        "heading": heading,
        "page_url": page_url,
    }


@register.simple_tag
def with_source(url, source):
    """`url` with `?source=` when the page was reached with one (see campaign.sharing)."""
    return sharing.with_source(url, sharing.source_clean(source))
