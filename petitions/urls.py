"""Public petition URLs. `<slug>.json` comes first: a slug never contains a dot."""

from django.urls import path

from petitions import views

app_name = "petitions"

urlpatterns = [
    path("<slug:slug>.json", views.petition_json, name="json"),
    path("<slug:slug>/", views.petition_detail, name="detail"),
    path("<slug:slug>/sign/", views.signature_sign, name="sign"),
    path("<slug:slug>/thanks/", views.signature_thanks, name="thanks"),
    path("<slug:slug>/confirmed/", views.signature_confirmed, name="confirmed"),
    # A token always contains ":", so it never collides with a petition slug's pages above.
    path("confirm/<str:token>/", views.signature_confirm, name="confirm"),
]
