"""Public pages of the campaign app: the home page, one page per campaign, its call pages."""

from django.urls import path

from campaign import views
from campaign.calls import views as calls

app_name = "campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("privacy/", views.privacy, name="privacy"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="detail"),
    path("campaigns/<slug:slug>/share.png", views.share_image, name="share_image"),
    # The supporter cookie is sent only under /calls/ (campaign.calls.supporters.COOKIE_PATH).
    path("calls/<slug:campaign>/<slug:slug>/", calls.call_page, name="call"),
    path("calls/<slug:campaign>/<slug:slug>/thanks/", calls.call_thanks, name="call_thanks"),
]
