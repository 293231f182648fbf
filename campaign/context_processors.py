from django.conf import settings
from django.utils.functional import SimpleLazyObject

from campaign.languages import language_links
from campaign.previews import is_preview


def site(request):
    """Values every page needs: the public site URL (for share links and canonical URLs)."""
    return {"SITE_URL": settings.SITE_URL}


def preview(request):
    """`preview`: the page is a staff preview of a draft campaign (see campaign.previews)."""
    return {"preview": is_preview(request)}


def languages(request):
    """`language_links`: this page in each site language (the switch and the hreflang links
    of base.html). Lazy, so pages that never show it (the admin) never work it out."""
    return {"language_links": SimpleLazyObject(lambda: language_links(request))}


def embed(request):
    """`embed` (campaign.embeds.EmbedFrame or None) and `base_template`: pages shared by the
    site and its embeds extend the compact layout inside a partner's frame."""
    frame = getattr(request, "embed", None)
    return {"embed": frame, "base_template": frame.base_template if frame else "base.html"}
