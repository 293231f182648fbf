"""`check --deploy` warns about directory settings that are wrong in production."""

from campaign.directory.checks import check_represent_settings


def test_it_warns_when_represent_is_reached_over_plain_http(settings):
    settings.REPRESENT_API_ENABLED = True
    settings.REPRESENT_API_URL = "http://represent.opennorth.ca"
    assert [p.id for p in check_represent_settings(None)] == ["directory.W001"]


def test_it_is_quiet_when_represent_is_https_or_off(settings):
    settings.REPRESENT_API_ENABLED = True
    settings.REPRESENT_API_URL = "https://represent.opennorth.ca"
    assert check_represent_settings(None) == []
    settings.REPRESENT_API_ENABLED = False
    assert check_represent_settings(None) == []
