"""A URLconf with the ESP webhooks served, as campaign/outbox/urls.py does when ANYMAIL is set."""

from django.urls import include, path

urlpatterns = [path("outbox/esp/", include("anymail.urls"))]
