"""consent.E002: the proof of a closed campaign's consents must outlive its last possible
mailing by three years (CASL: the CRTC may act up to three years on; the sender proves consent)."""

from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def consent_retention_errors() -> list[checks.CheckMessage]:
    return [e for e in checks.run_checks() if e.id == "consent.E002"]


def test_it_passes_with_the_defaults():
    assert consent_retention_errors() == []


def test_it_passes_with_exactly_three_years_after_the_mailing_window(settings):
    settings.MAILINGS_AFTER_CLOSE_DAYS = 100
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 100 + 3 * 365 + 1

    assert consent_retention_errors() == []


def test_it_fails_when_the_consents_go_before_three_years_after_the_last_mailing(settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 730

    [error] = consent_retention_errors()

    assert error.level == checks.ERROR
    assert "CONSENT_RETENTION_AFTER_CLOSE_DAYS=730" in error.msg
    assert "MAILINGS_AFTER_CLOSE_DAYS=365" in error.msg


def test_it_fails_when_the_mailing_window_is_lengthened_alone(settings):
    settings.MAILINGS_AFTER_CLOSE_DAYS = 400

    assert len(consent_retention_errors()) == 1


def test_its_hint_says_how_counsel_may_silence_it(settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 730

    [error] = consent_retention_errors()

    assert "at least 1461" in error.hint
    assert "SILENCED_SYSTEM_CHECKS" in error.hint


def test_it_stops_manage_py_check(settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 730

    with pytest.raises(SystemCheckError, match=r"consent\.E002"):
        call_command("check", stdout=StringIO(), stderr=StringIO())


def test_an_operator_can_silence_it(settings):
    settings.CONSENT_RETENTION_AFTER_CLOSE_DAYS = 730
    settings.SILENCED_SYSTEM_CHECKS = ["consent.E002"]

    call_command("check", stdout=StringIO(), stderr=StringIO())
