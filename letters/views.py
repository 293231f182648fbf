from django.shortcuts import get_object_or_404, render

from letters.models import LetterTemplate


def letter_start(request, campaign: str, template: str):
    letter_template = get_object_or_404(
        LetterTemplate, campaign__slug=campaign, slug=template, campaign__status="published"
    )
    return render(request, "letters/start.html", {"template": letter_template})
