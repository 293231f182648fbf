"""Settings for the test suite: the real settings, on the PostgreSQL and Redis named by
DATABASE_URL and REDIS_URL (the Makefile sets the local defaults), made fast and offline."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from campaign.settings import *  # noqa: F403
from campaign.settings import DATABASES

# The test database is the one DATABASE_URL names, so `make test` owns chorus_test outright.
DATABASES["default"]["TEST"] = {"NAME": DATABASES["default"]["NAME"]}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests mail to memory and publish through an eager Celery, except in the Celery workers the
# fault tests start (tests/outbox), which keep the real broker and EMAIL_URL.
if os.environ.get("CHORUS_REAL_WORKER") != "1":
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    CELERY_TASK_ALWAYS_EAGER = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the app folders, as in development: no collectstatic before tests.
WHITENOISE_AUTOREFRESH = True
# The webhook tests' receiver is a local HTTP server (never allowed in production).
WEBHOOKS_ALLOW_LOCAL_URLS = True
# Each test sees the endpoints it just made (tests/webhooks/test_emit.py tests the cache).
WEBHOOKS_ENDPOINTS_CACHE_SECONDS = 0
