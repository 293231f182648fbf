"""`check --deploy` warns about letters settings that are wrong in production."""

from letters.checks import check_letters_settings


def ids(settings_problems) -> list[str]:
    return [problem.id for problem in settings_problems]


def test_it_warns_when_letters_are_in_test_mode(settings):
    settings.LETTERS_TEST_MODE = True
    assert "letters.W001" in ids(check_letters_settings(None))


def test_it_is_quiet_when_production_is_configured(settings):
    settings.LETTERS_TEST_MODE = False
    assert check_letters_settings(None) == []
