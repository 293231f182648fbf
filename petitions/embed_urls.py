"""A petition embedded in a partner's page (/embed/petitions/<slug>/; see petitions.embed_views)."""

from django.urls import path

from petitions import embed_views

app_name = "petitions_embed"

urlpatterns = [
    path("<slug:slug>/", embed_views.petition_embed, name="sign"),
    path("<slug:slug>/thanks/", embed_views.petition_embed_thanks, name="thanks"),
]
