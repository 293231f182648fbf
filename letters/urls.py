from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("sent/", views.letter_sent, name="sent"),
    path("confirm/<str:token>/", views.letter_confirm, name="confirm"),
    path("status/<str:token>/", views.letter_status, name="status"),
    path("<slug:campaign>/<slug:template>/", views.letter_start, name="start"),
    path("<slug:campaign>/<slug:template>/write/", views.letter_write, name="write"),
]
