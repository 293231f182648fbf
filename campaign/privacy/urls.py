"""The supporter's own removal page (the staff page lives in the admin: privacy/admin.py)."""

from django.urls import path

from campaign.privacy import views

app_name = "privacy"

urlpatterns = [
    path("remove/<str:token>/", views.supporter_data_remove, name="remove"),
    path("removed/", views.supporter_data_removed, name="removed"),
]
