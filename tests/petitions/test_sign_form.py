"""The sign form's two classes: SignatureForm renders, SignatureSubmission only validates."""

import pytest
from django.template.loader import render_to_string

from petitions.forms import SignatureForm, SignatureSubmission


def _attrs_of(form_class) -> dict:
    return {name: dict(field.widget.attrs) for name, field in form_class.base_fields.items()}


def test_a_submission_validates_exactly_as_the_rendered_form_does(valid_form):
    bad = {**valid_form, "email": "not-an-address", "first_name": "www.spam.com"}
    for data in (valid_form, bad):
        submission, form = SignatureSubmission(data), SignatureForm(data)
        assert submission.is_valid() == form.is_valid()
        assert submission.errors == form.errors


def test_a_submission_validates_with_the_class_fields_instead_of_copies(valid_form):
    submission = SignatureSubmission(valid_form)
    assert submission.is_valid()
    assert all(
        submission.fields[name] is field for name, field in SignatureSubmission.base_fields.items()
    )


def test_a_submission_refuses_to_be_rendered(valid_form):
    submission = SignatureSubmission(valid_form)
    with pytest.raises(TypeError, match="never rendered"):
        submission.helper  # noqa: B018 (what {% crispy %} reads first)
    with pytest.raises(TypeError, match="never rendered"):
        str(submission)


@pytest.mark.django_db
def test_rendering_a_form_with_errors_leaves_the_class_fields_unchanged(petition, rf):
    before = _attrs_of(SignatureForm), _attrs_of(SignatureSubmission)
    form = SignatureForm({"email": "nope"}, petition=petition)
    assert not form.is_valid()
    html = render_to_string(
        "petitions/sign.html", {"petition": petition, "form": form}, request=rf.get("/")
    )
    assert "is-invalid" in html
    assert (_attrs_of(SignatureForm), _attrs_of(SignatureSubmission)) == before
