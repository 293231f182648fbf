"""A letter embedded in a partner's page (/embed/letters/<campaign>/<template>/; see
letters.embed_views)."""

from django.urls import path

from letters import embed_views

app_name = "letters_embed"

urlpatterns = [
    path("<slug:campaign>/<slug:template>/", embed_views.letter_start_embed, name="start"),
    path("<slug:campaign>/<slug:template>/write/", embed_views.letter_write_embed, name="write"),
    path("<slug:campaign>/<slug:template>/sent/", embed_views.letter_sent_embed, name="sent"),
]
