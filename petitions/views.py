from django.shortcuts import get_object_or_404, render

from petitions.models import Petition


def petition_detail(request, slug: str):
    petition = get_object_or_404(Petition.objects.exclude(status="draft"), slug=slug)
    return render(request, "petitions/detail.html", {"petition": petition})
