"""`create_organiser`: the first organiser account, once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_creates_an_organiser_with_a_password_printed_once():
    out = StringIO()

    call_command("create_organiser", stdout=out)

    user = get_user_model().objects.get(username="organiser")
    password = out.getvalue().split("with password '")[1].split("'")[0]
    assert user.check_password(password)
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name="Organisers").exists()


def test_it_creates_no_second_organiser(organiser):
    out = StringIO()

    call_command("create_organiser", stdout=out)

    assert get_user_model().objects.filter(groups__name="Organisers").count() == 1
    assert "already exists" in out.getvalue()
