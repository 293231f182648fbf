"""Names and postal codes are text, through the letter forms: a form error, never a 500.

The issue's probe: a supporter named `Justin Trudeau <pm@pm.gc.ca>` reached the MP under that
display name; direction, zero-width and control characters and non-ASCII digits were accepted.
"""

import pytest
from django.core.exceptions import ValidationError

from letters import selectors, services
from letters.models import Letter
from tests.letters.test_flow import BODY, preview, submit

pytestmark = pytest.mark.django_db

REFUSED_NAMES = [
    "Justin Trudeau <pm@pm.gc.ca>",
    "pm@pm.gc.ca",
    "\u202eecilA",  # right-to-left override
    "Sam\u2067 Supporter",  # first-strong isolate
    "Sam\u200e Supporter",  # left-to-right mark
    "Sam\u200d Supporter",  # zero-width joiner
    "Sam\ufeff Supporter",  # zero-width no-break space
    "Sam\x07 Supporter",  # a control character
]


@pytest.mark.parametrize("name", REFUSED_NAMES)
@pytest.mark.parametrize("step", [preview, submit])
def test_it_refuses_a_name_that_is_not_plain_text(client, mp_template, step, name):
    response = step(client, mp_template, supporter_name=name)

    assert response.status_code == 200
    assert response.context["form"].errors["supporter_name"]
    assert Letter.objects.count() == 0


@pytest.mark.parametrize("name", REFUSED_NAMES)
def test_letter_build_refuses_such_a_name_too(mp_template, ottawa, name):
    recipients = selectors.recipients_for(template=mp_template, riding=ottawa)
    with pytest.raises(ValidationError) as raised:
        services.letter_build(
            template=mp_template,
            recipients=recipients,
            riding=ottawa,
            supporter_name=name,
            supporter_email="sam@example.org",
            supporter_postal_code="K1A 0A6",
            subject="Please act now",
            body=BODY,
        )
    assert "supporter_name" in raised.value.message_dict


# --- Postal codes ---------------------------------------------------------------------------


@pytest.mark.parametrize("postal_code", ["K\u0661A 0A6", "K1A \u06f0A6", "K1A\u200b0A6"])
def test_it_refuses_a_postal_code_in_other_digits_at_step_one(client, mp_template, postal_code):
    response = client.post(mp_template.get_absolute_url(), {"postal_code": postal_code})

    assert response.status_code == 200
    assert response.context["form"].errors["postal_code"]


@pytest.mark.parametrize("postal_code", ["K\u0661A 0A6", "\u202eK1A 0A6"])
def test_it_sends_a_postal_code_in_other_digits_back_to_step_one(client, mp_template, postal_code):
    response = submit(client, mp_template, postal_code=postal_code)

    assert response.status_code == 302
    assert response["Location"] == mp_template.get_absolute_url()
    assert Letter.objects.count() == 0
