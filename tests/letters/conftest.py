"""Fixtures of the letters tests: a letter template.

The small directory (`ottawa`) and the local Represent API come from tests/directory, and
the local SMTP server (`smtp`) from tests/conftest.py.
"""

import pytest

from tests.factories.letters import LetterTemplateFactory


@pytest.fixture(autouse=True)
def _no_pacing(settings):
    """Pacing per recipient domain is the outbox's concern (tested there); letters tests check
    what is sent, not when, so parl.gc.ca's one-a-second rule does not delay them."""
    settings.OUTBOX_RATE_LIMITS = {}


@pytest.fixture
def mp_template(ottawa):
    return LetterTemplateFactory(
        slug="write-to-your-mp",
        body=(
            "Dear {{ representative_name }},\n\nAs a constituent in {{ riding }}, I ask you to "
            "press for emergency visas.\n\n{{ talking_points }}\n\nSincerely,\n"
            "{{ supporter_name }}\n{{ supporter_postal_code }}"
        ),
        talking_points=["People are detained.", "Canada has acted before."],
    )
