"""Chorus settings, read from the environment (django-environ).

Every value has an embedded default for local use: no DATABASE_URL means SQLite under var/,
no REDIS_URL means Celery runs tasks in-process and the cache is local memory, no EMAIL_URL
means mail is written to files under var/mail/ (both folders created here: var/ is not in git).
Production sets them (see docker-compose.yml).
"""

import contextlib
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")


def _local_folder(path: Path) -> Path:
    """A folder the embedded defaults write to, created so a fresh clone works as it is.

    A checkout that cannot be written to fails later, where the folder is used."""
    with contextlib.suppress(OSError):
        path.mkdir(parents=True, exist_ok=True)
    return path


# Local use is the embedded defaults (no DATABASE_URL): debug on, so `manage.py` works on a fresh
# checkout. A deployment names its database, and then debug is off unless it says otherwise.
DEBUG = env.bool("DEBUG", default=not env.str("DATABASE_URL", default=""))

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        # One clear line instead of a traceback: the operator forgot a required variable.
        sys.exit(
            "Chorus refuses to start: SECRET_KEY is not set (set it, or DEBUG=1 for local use)."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"  # noqa: S105

# Emailed links point here. `make run` passes the address it serves as CHORUS_RUN_URL, so the
# links follow `make run PORT=…` unless SITE_URL says otherwise.
SITE_URL = env.str(
    "SITE_URL", default=env.str("CHORUS_RUN_URL", default="http://127.0.0.1:8000")
).rstrip("/")
# ALLOWED_HOSTS' default includes the site's own host (IPv6 in brackets, as Django matches it).
_site_host = urlsplit(SITE_URL).hostname or "127.0.0.1"
_site_host = f"[{_site_host}]" if ":" in _site_host else _site_host
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=list(dict.fromkeys(["127.0.0.1", "localhost", _site_host]))
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    # django.contrib.admin, with the campaigns' figures on its index (campaign/dashboards/).
    "campaign.dashboards.apps.ChorusAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "campaign",
    "campaign.outbox",
    "campaign.directory",
    "campaign.audit",
    "campaign.privacy",
    "campaign.consent",
    "campaign.mailings",
    "campaign.exports",
    "campaign.api",
    "rest_framework",
    "drf_spectacular",
    "campaign.webhooks",
    "axes",
    "petitions",
    "letters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "campaign.security_headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "campaign.urls"
WSGI_APPLICATION = "campaign.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "campaign.context_processors.site",
                "campaign.context_processors.preview",
                "campaign.context_processors.languages",
                "campaign.context_processors.embed",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
if not env.str("DATABASE_URL", default=""):
    _local_folder(VAR_DIR)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'chorus.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery broker --------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="chorus")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache with one reused client and a one-round-trip incr.
            "BACKEND": "campaign.redis_cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # A hung Redis must not hang a supporter's request.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "chorus",
        }
    }

# After a cache error, the cache is skipped for this long in that process (campaign/redis_cache.py):
# a hung Redis costs one socket timeout, not one per request.
CACHE_FAILURE_PAUSE_SECONDS = env.float("CACHE_FAILURE_PAUSE_SECONDS", default=30.0)

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# A task is acknowledged only once it has run, and given back if its worker dies, so a killed
# worker never loses a message. The outbox makes the redelivery harmless (rows are claimed).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Publishing from a web request must fail fast when Redis is down or hung (the row stays queued
# and the outbox sweep publishes it later): no publish retries, one-second socket timeouts.
# Measured with the defaults: a publish to a hung Redis blocked 25 s without an error.
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery's Redis transport, fixed so a worker survives Redis restarting while it holds countdown
# tasks (it exited with "AttributeError: 'NoneType' object has no attribute 'hostname'"): see
# campaign/outbox/broker.py.
if REDIS_URL:
    CELERY_BROKER_TRANSPORT = "campaign.outbox.broker:Transport"
# On losing the broker, a worker finishes the tasks it is running (their rows are claimed in
# PostgreSQL; an acknowledgement that cannot reach Redis only means a harmless redelivery) rather
# than killing them mid-send. Explicit: Celery 6 changes the default.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Longer than any countdown the outbox gives a task (outbox.E001 and a test enforce it):
    # Redis hands an unacknowledged task to another worker once this has passed.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60),
    "socket_connect_timeout": 1,
    "socket_timeout": 1,
    "max_retries": 0,
}
# How often beat sweeps the outbox: a dead worker's rows go out again within a lease and a
# sweep (under a minute with the defaults). A sweep is one indexed query when nothing is due.
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=20.0)
CELERY_BEAT_SCHEDULE = {
    # Re-publishes outbox rows whose task was lost (broker down, worker killed).
    "outbox-sweep": {
        "task": "campaign.outbox.tasks.sweep_outbox",
        "schedule": OUTBOX_SWEEP_SECONDS,
    },
    # Keeps the MP directory current from the Represent API.
    "directory-sync-representatives": {
        "task": "campaign.directory.tasks.sync_representatives",
        "schedule": 7 * 24 * 60 * 60.0,
    },
}

# --- Email ----------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Chorus <chorus@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(_local_folder(VAR_DIR / "mail"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Security -------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every response (campaign/security_headers.py). No inline script or style anywhere: keep
# styles in static files. img-src allows data: for the admin's and Bootstrap's inline icons.
CONTENT_SECURITY_POLICY = env.str(
    "CONTENT_SECURITY_POLICY",
    default="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
# The header the trusted reverse proxy puts the client's address in (e.g. HTTP_X_REAL_IP).
# Empty: use REMOTE_ADDR, because an untrusted header is whatever the client says it is.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default="")

# Brute force on the admin login (django-axes): after ADMIN_LOGIN_FAILURE_LIMIT failures for
# one account, or from one client address, that account or address is refused (429) for
# ADMIN_LOGIN_COOLOFF_MINUTES, even with the right password. The address is the trusted one
# (CLIENT_IP_HEADER), so a client cannot rotate it with a header of its own.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("ADMIN_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ADMIN_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
AXES_CLIENT_IP_CALLABLE = "campaign.client_addresses.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads (campaign images, re-encoded by campaign.campaign_images). `make run` serves them
# (DEBUG: campaign/urls.py); in production Caddy serves MEDIA_ROOT from the volume it shares
# with web (deploy/Caddyfile, docker-compose.yml), never gunicorn.
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Chorus ---------------------------------------------------------------------------------
CHORUS_SEEDS_DIR = BASE_DIR / "seeds"
# The public data snapshot `manage.py load_directory` loads (its README names the sources).
DIRECTORY_DATA_DIR = BASE_DIR / "campaign" / "directory" / "data"
# Letters go to the campaign's test address instead of real MPs and ministers. On by default
# outside production (DEBUG on), so trying Chorus out never writes to a real minister.
LETTERS_TEST_MODE = env.bool("LETTERS_TEST_MODE", default=DEBUG)
# System checks an operator has decided to live with, e.g. consent.E002 on their counsel's
# reading of CASL; from the environment like every other setting.
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Outbox (campaign.outbox) ----------------------------------------------------------------
# Transient failures (timeouts, SMTP 4xx) retry after RETRY_BASE, 2x, 4x… (capped, with jitter)
# until MAX_ATTEMPTS (about a day with these defaults, so a long mail-server outage fails nothing);
# then the row is failed, and staff can retry it. A wait longer than MAX_COUNTDOWN gets no Celery
# countdown (it must stay below the visibility timeout): the sweep publishes the row when due.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=30)
OUTBOX_RETRY_BASE_SECONDS = env.float("OUTBOX_RETRY_BASE_SECONDS", default=30.0)
OUTBOX_RETRY_MAX_SECONDS = env.float("OUTBOX_RETRY_MAX_SECONDS", default=60 * 60.0)
OUTBOX_MAX_COUNTDOWN_SECONDS = env.float("OUTBOX_MAX_COUNTDOWN_SECONDS", default=60 * 60.0)
# A claimed row belongs to its worker until its lease runs out; the worker renews the lease every
# RENEW seconds while it lives, so a dead worker's rows are taken back by the next sweep after
# LEASE seconds (campaign/outbox/leases.py). Renewals stop at the claiming task's time limit.
OUTBOX_LEASE_SECONDS = env.float("OUTBOX_LEASE_SECONDS", default=20.0)
OUTBOX_LEASE_RENEW_SECONDS = env.float("OUTBOX_LEASE_RENEW_SECONDS", default=5.0)
OUTBOX_TASK_TIME_LIMIT_SECONDS = env.float("OUTBOX_TASK_TIME_LIMIT_SECONDS", default=8 * 60.0)
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=100)
OUTBOX_SWEEP_MAX_BATCHES = env.int("OUTBOX_SWEEP_MAX_BATCHES", default=20)
# After a failed publish, web requests stop trying the broker for this long (the sweep covers).
OUTBOX_PUBLISH_PAUSE_SECONDS = env.float("OUTBOX_PUBLISH_PAUSE_SECONDS", default=30.0)
# Finished emails keep their delivery record; their text and supporters' addresses are erased
# after this many days (the privacy page says so).
OUTBOX_RETENTION_DAYS = env.int("OUTBOX_RETENTION_DAYS", default=90)
CELERY_BEAT_SCHEDULE["outbox-redact"] = {
    "task": "campaign.outbox.tasks.redact_expired_emails",
    "schedule": 24 * 60 * 60.0,
}
# Rows a web process commits within this window share one deliver_batch task (one publish).
OUTBOX_PUBLISH_WINDOW_SECONDS = env.float("OUTBOX_PUBLISH_WINDOW_SECONDS", default=0.5)
# Pacing per recipient domain or address, shared by all workers through Redis:
# OUTBOX_RATE_LIMITS=parl.gc.ca=60/m,pm.gc.ca=30/m,minister@example.gc.ca=10/h
OUTBOX_RATE_LIMITS = env.dict("OUTBOX_RATE_LIMITS", default={"parl.gc.ca": "60/m"})
# An ESP through django-anymail: ANYMAIL_BACKEND=anymail.backends.postmark.EmailBackend and
# ANYMAIL='{"POSTMARK_SERVER_TOKEN": "…", "WEBHOOK_SECRET": "user:password"}'. Only then is the
# bounce webhook served (campaign/outbox/urls.py).
if env.str("ANYMAIL", default=""):
    ANYMAIL = env.json("ANYMAIL")
    EMAIL_BACKEND = env.str("ANYMAIL_BACKEND")

# --- Webhooks (campaign.webhooks) -------------------------------------------------------------
# One attempt waits at most CONNECT + READ seconds (a hanging endpoint holds a worker no longer);
# timeouts, 408, 429 and 5xx retry after RETRY_BASE, 2x, 4x… (capped, with jitter) until
# MAX_ATTEMPTS (about two days with these defaults); the endpoint itself pauses as long after
# each such failure. The sweep sends retries and what the broker missed.
WEBHOOKS_CONNECT_TIMEOUT_SECONDS = env.float("WEBHOOKS_CONNECT_TIMEOUT_SECONDS", default=3.0)
WEBHOOKS_READ_TIMEOUT_SECONDS = env.float("WEBHOOKS_READ_TIMEOUT_SECONDS", default=5.0)
WEBHOOKS_MAX_ATTEMPTS = env.int("WEBHOOKS_MAX_ATTEMPTS", default=16)
WEBHOOKS_RETRY_BASE_SECONDS = env.float("WEBHOOKS_RETRY_BASE_SECONDS", default=30.0)
WEBHOOKS_RETRY_MAX_SECONDS = env.float("WEBHOOKS_RETRY_MAX_SECONDS", default=6 * 60 * 60.0)
WEBHOOKS_LEASE_SECONDS = env.float("WEBHOOKS_LEASE_SECONDS", default=60.0)
# How long a process trusts its list of active endpoints (campaign.webhooks.selectors): every
# confirmation and every letter sent asks it, and the table changes only when staff edit it.
WEBHOOKS_ENDPOINTS_CACHE_SECONDS = env.float("WEBHOOKS_ENDPOINTS_CACHE_SECONDS", default=5.0)
WEBHOOKS_SWEEP_SECONDS = env.float("WEBHOOKS_SWEEP_SECONDS", default=20.0)
WEBHOOKS_SWEEP_MAX_PER_ENDPOINT = env.int("WEBHOOKS_SWEEP_MAX_PER_ENDPOINT", default=500)
# Plain http and private or loopback addresses: for tests and local development only
# (webhooks.W001 under `check --deploy`).
WEBHOOKS_ALLOW_LOCAL_URLS = env.bool("WEBHOOKS_ALLOW_LOCAL_URLS", default=False)
CELERY_BEAT_SCHEDULE["webhooks-sweep"] = {
    "task": "campaign.webhooks.tasks.sweep_webhooks",
    "schedule": WEBHOOKS_SWEEP_SECONDS,
}
# Finished deliveries (sent, or failed for good) are deleted this many days after they finished
# (the privacy page says so): their payloads may carry supporters' addresses, and a month is
# long enough to notice a failing receiver and retry. Queued ones are never deleted.
WEBHOOKS_RETENTION_DAYS = env.int("WEBHOOKS_RETENTION_DAYS", default=30)
CELERY_BEAT_SCHEDULE["webhooks-purge"] = {
    "task": "campaign.webhooks.tasks.purge_finished_deliveries",
    "schedule": 24 * 60 * 60.0,
}

# --- Petitions ------------------------------------------------------------------------------
# Per client address and petition; signatures over the limit are kept, flagged and not counted.
PETITIONS_SIGN_RATELIMIT = env.str("PETITIONS_SIGN_RATELIMIT", default="20/h")
PETITIONS_CONFIRMATION_DAYS = 7
# Signing again with the same address re-sends the confirmation, up to this many emails in all.
PETITIONS_MAX_CONFIRMATION_SENDS = 3
# The public count lives this long in the cache before it is recounted from the table.
PETITIONS_COUNT_TTL = env.int("PETITIONS_COUNT_TTL", default=600)
# Public petition pages: rendered once per process per this many seconds, and what proxies
# may cache them for (Cache-Control max-age). The count shown is at most this stale.
# They are kept in each process's memory (petitions.local_cache): a hit costs no round trip.
PETITIONS_PAGE_CACHE_SECONDS = env.int("PETITIONS_PAGE_CACHE_SECONDS", default=5)
CELERY_BEAT_SCHEDULE["petitions-rebuild-counts"] = {
    "task": "petitions.tasks.rebuild_open_petition_counts",
    "schedule": 300.0,
}
# Retention (stated on the privacy page): unconfirmed signatures, IP hashes, and everything
# but the counts of a closed campaign's signatures, after these many days.
PETITIONS_UNCONFIRMED_DAYS = 30
PETITIONS_IP_HASH_DAYS = 90
PETITIONS_RETENTION_AFTER_CLOSE_DAYS = 2 * 365
# A progress email to a petition's target names at most this many new signers (the printed
# delivery list has them all).
PETITIONS_TARGET_UPDATE_MAX_NAMES = env.int("PETITIONS_TARGET_UPDATE_MAX_NAMES", default=2000)
CELERY_BEAT_SCHEDULE["petitions-purge"] = {
    "task": "petitions.tasks.purge_expired_signatures",
    "schedule": 24 * 60 * 60.0,
}


# --- Consent ledger (campaign.consent) ------------------------------------------------------
# Two periods after a campaign closes (both stated on the privacy page). For the first, its
# supporters may still get its updates (the outcome, a thank-you); past it, its mailings are
# refused (campaign.mailings).
MAILINGS_AFTER_CLOSE_DAYS = env.int("MAILINGS_AFTER_CLOSE_DAYS", default=365)
# CASL: the CRTC may start proceedings up to three years after the subject matter became known,
# and the sender must prove the consent, so the proof outlives the last possible mailing by
# that much: three years, a 29 February among them (1,096 days). The law's period, not read
# from the environment: counsel who reads it otherwise silences consent.E002 instead.
CONSENT_PROOF_AFTER_LAST_MAILING_DAYS = 3 * 365 + 1
# After the second, its consents (given and withdrawn) are deleted, and so is who its mailings
# went to; the newsletter's are not. Not the signatures' period: it answers to CASL's proof
# rather than to the petition's delivery.
CONSENT_RETENTION_AFTER_CLOSE_DAYS = env.int(
    "CONSENT_RETENTION_AFTER_CLOSE_DAYS",
    default=MAILINGS_AFTER_CLOSE_DAYS + CONSENT_PROOF_AFTER_LAST_MAILING_DAYS,
)
CELERY_BEAT_SCHEDULE["consent-purge"] = {
    "task": "campaign.consent.tasks.purge_expired_consents",
    "schedule": 24 * 60 * 60.0,
}


# --- Follow-up mailings (campaign.mailings) ----------------------------------------------------
# How long after its campaign closes a mailing may go: MAILINGS_AFTER_CLOSE_DAYS, above (the
# consent period's default depends on it).
# People turned into outbox rows per transaction when a mailing is sent.
MAILINGS_CHUNK_SIZE = env.int("MAILINGS_CHUNK_SIZE", default=1000)
# The mailto: of List-Unsubscribe (someone must read it and unsubscribe the sender by hand);
# the From address when unset.
MAILINGS_UNSUBSCRIBE_EMAIL = env.str("MAILINGS_UNSUBSCRIBE_EMAIL", default="")
CELERY_BEAT_SCHEDULE["mailings-resume"] = {
    "task": "campaign.mailings.tasks.resume_mailings",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["mailings-forget-recipients"] = {
    "task": "campaign.mailings.tasks.forget_recipients_past_retention",
    "schedule": 24 * 60 * 60.0,
}


# --- The organisation's newsletter (campaign.consent) ---------------------------------------
# The organisation running this site, as supporters know it: the newsletter box names it.
ORGANISATION_NAME = env.str("ORGANISATION_NAME", default="")
# Whether the organisation sends a newsletter of its own. Only then do the petition and letter
# forms offer a second unticked box asking for it (scope `newsletter` in the consent ledger).
# Off by default: asking consent for a newsletter nobody writes misleads supporters (CASL
# wants the purpose stated truly), and the box must name the organisation, not the software.
ORGANISATION_NEWSLETTER = env.bool("ORGANISATION_NEWSLETTER", default=False)


# --- Supporters' data (campaign.privacy) ----------------------------------------------------
# The key of the hashes that stand for an erased mailbox (suppressions, the audit log). Set it
# once and never change it: with another key an erased person's address no longer matches its
# suppression, and Chorus would write to them again. Defaults to SECRET_KEY, which a deployment
# that rotates SECRET_KEY must therefore not rely on.
MAILBOX_HASH_KEY = env.str("MAILBOX_HASH_KEY", default=SECRET_KEY)
# How long the "remove my data" link in supporters' emails works.
PRIVACY_REMOVAL_LINK_DAYS = env.int("PRIVACY_REMOVAL_LINK_DAYS", default=2 * 365)


# --- Call pages -----------------------------------------------------------------------------
# New supporters (first presses of "I called", from a browser without the signed cookie) one
# client address may add per period; presses over it are thanked and not counted.
CALLS_FIRST_PRESS_RATELIMIT = env.str("CALLS_FIRST_PRESS_RATELIMIT", default="20/h")
# How long a browser counts as one supporter (the privacy page says so).
CALLS_COOKIE_DAYS = 365

# --- Letters --------------------------------------------------------------------------------
# Open North's Represent API: postal code -> riding, and the weekly directory sync. Off unless
# set, so a development machine or the test suite never reaches the network by accident.
REPRESENT_API_URL = env.str("REPRESENT_API_URL", default="https://represent.opennorth.ca")
REPRESENT_API_ENABLED = env.bool("REPRESENT_API_ENABLED", default=False)
REPRESENT_API_TIMEOUT = env.float("REPRESENT_API_TIMEOUT", default=3.0)
# The boundary set of the current federal ridings on Represent, the one its House of Commons
# links to (Open North's represent-canada-data registers "Federal electoral districts (2023
# Representation Order)"; the unsuffixed federal-electoral-districts set is the 2013 order,
# whose codes number other ridings). Change it with the next representation order.
REPRESENT_FEDERAL_BOUNDARY_SET = env.str(
    "REPRESENT_FEDERAL_BOUNDARY_SET",
    default="federal-electoral-districts-2023-representation-order",
)
# How long a postal code Represent does not know (404), or places in no riding, is remembered
# as such (an answer naming ridings is kept 30 days).
REPRESENT_UNKNOWN_POSTCODE_CACHE_SECONDS = env.int(
    "REPRESENT_UNKNOWN_POSTCODE_CACHE_SECONDS", default=24 * 60 * 60
)
# Represent is free up to 60 requests a minute (represent.opennorth.ca/api/), counted here for
# all processes together in the cache. After a 503 nobody asks for Retry-After seconds, else
# REPRESENT_API_BACKOFF_SECONDS; supporters get the local table meanwhile, and only the weekly
# sync waits, up to REPRESENT_API_SYNC_MAX_WAIT seconds a page.
REPRESENT_API_RATE_LIMIT = env.int("REPRESENT_API_RATE_LIMIT", default=60)
REPRESENT_API_BACKOFF_SECONDS = env.int("REPRESENT_API_BACKOFF_SECONDS", default=60)
REPRESENT_API_SYNC_MAX_WAIT = env.int("REPRESENT_API_SYNC_MAX_WAIT", default=120)
# Where test-mode letters go when the campaign has no test address of its own.
LETTERS_TEST_EMAIL = env.str("LETTERS_TEST_EMAIL", default="")
# From this many letters with the same text in one template, new ones are flagged as form letters.
LETTERS_SIMILAR_THRESHOLD = env.int("LETTERS_SIMILAR_THRESHOLD", default=10)
# How long a confirmation link works (the status link works for a year).
LETTERS_CONFIRM_MAX_AGE = env.int("LETTERS_CONFIRM_MAX_AGE", default=7 * 24 * 60 * 60)
LETTERS_STATUS_MAX_AGE = env.int("LETTERS_STATUS_MAX_AGE", default=365 * 24 * 60 * 60)
# Letters one client address may submit (django-ratelimit rate), against scripted floods.
LETTERS_SUBMIT_RATELIMIT = env.str("LETTERS_SUBMIT_RATELIMIT", default="10/h")
# A second letter to the same recipients is refused by email to the address's owner, at most
# this many times per earlier letter.
LETTERS_MAX_ALREADY_WRITTEN_NOTICES = env.int("LETTERS_MAX_ALREADY_WRITTEN_NOTICES", default=3)

# --- Read API (campaign.api) ----------------------------------------------------------------
# Tokens only (no session, so no CSRF and no cookies); JSON only (no browsable pages); every
# view needs a token holding its scope. The OpenAPI description is public: it holds no data.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["campaign.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["campaign.api.permissions.HasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["campaign.api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "campaign.api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Chorus API",
    "DESCRIPTION": (
        "Read-only: campaigns, petitions, people, signatures, outreaches (letters' metadata) "
        "and calls, for an organisation's own systems. Send `Authorization: Bearer <token>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
}
# Requests one token may make per minute (DRF rate syntax); over it, 429 until the minute ends.
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="600/min")
