"""The unsubscribe link (`/u/<token>/`, and `/fr/u/<token>/` in French)."""

from django.urls import path

from campaign.consent import views

app_name = "consent"

urlpatterns = [
    path("<str:token>/", views.unsubscribe, name="unsubscribe"),
]
