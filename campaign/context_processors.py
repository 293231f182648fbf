from django.conf import settings


def site(request):
    """Values every page needs: the public site URL (for share links and canonical URLs)."""
    return {"SITE_URL": settings.SITE_URL}
