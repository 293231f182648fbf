"""Settings for the petitions benchmark's gunicorn: the real settings plus baseline views.

Bench-only (never in the product): ROOT_URLCONF adds the two baseline views; the client's
address comes from X-Forwarded-For, as behind the trusted proxy of a production setup (the load
generator sends a different address for every two signers, see SIGNERS_PER_ADDRESS), so the
production rate limit applies unchanged; Celery publishes to its own queue so the bench can
remove what it queued.
"""

from campaign.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench._petitions_urls"
CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
CELERY_TASK_DEFAULT_QUEUE = "bench-petitions"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
# No collectstatic in a bench run: plain static URLs instead of the manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
