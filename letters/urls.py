from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("<slug:campaign>/<slug:template>/", views.letter_start, name="start"),
]
