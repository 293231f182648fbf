"""Public pages of the campaign app: the home page and one page per campaign."""

from django.urls import path

from campaign import views

app_name = "campaign"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("privacy/", views.privacy, name="privacy"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="detail"),
]
