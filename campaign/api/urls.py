"""/api/v1/: the resources, and the OpenAPI description of them (campaign/api/README.md)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from campaign.api import views

app_name = "api"

router = SimpleRouter()
router.register("campaigns", views.CampaignViewSet, basename="campaign")
router.register("petitions", views.PetitionViewSet, basename="petition")
router.register("people", views.PersonViewSet, basename="person")
router.register("signatures", views.SignatureViewSet, basename="signature")
router.register("outreaches", views.OutreachViewSet, basename="outreach")
router.register("calls", views.CallViewSet, basename="call")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
