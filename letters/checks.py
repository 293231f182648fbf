"""System checks for the letters settings that must be right in production (`check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_letters_settings(app_configs, **kwargs):
    """Warn when letters would not reach real recipients."""
    problems = []
    if settings.LETTERS_TEST_MODE:
        problems.append(
            Warning(
                "LETTERS_TEST_MODE is on: every letter goes to a test address, none to MPs or "
                "ministers.",
                hint="Set LETTERS_TEST_MODE=0 in production.",
                id="letters.W001",
            )
        )
    return problems
