from django.conf import settings

from campaign.previews import is_preview


def site(request):
    """Values every page needs: the public site URL (for share links and canonical URLs)."""
    return {"SITE_URL": settings.SITE_URL}


def preview(request):
    """`preview`: the page is a staff preview of a draft campaign (see campaign.previews)."""
    return {"preview": is_preview(request)}
