"""System checks catch petitions settings that would fail silently."""

import pytest

from petitions.checks import check_petition_settings


def test_it_accepts_the_default_settings():
    assert check_petition_settings(None) == []


@pytest.mark.parametrize("rate", ["20 per hour", "", "h/20"])
def test_it_rejects_a_rate_limit_that_is_not_a_rate(settings, rate):
    settings.PETITIONS_SIGN_RATELIMIT = rate

    assert [e.id for e in check_petition_settings(None)] == ["petitions.E001"]
