# Chorus production image: one image for web (gunicorn), worker and beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=campaign.settings

WORKDIR /app
RUN useradd --create-home --uid 1000 chorus

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=chorus:chorus . .
# collectstatic needs settings to load; the key is a build-time placeholder, never used at runtime.
RUN DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && DEBUG=0 SECRET_KEY=collectstatic-only python manage.py compile_translations \
    && mkdir -p var/media && chown -R chorus:chorus var

USER chorus
EXPOSE 8000
CMD ["gunicorn", "campaign.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
