"""A petition in a frame on a partner's page: the sign form, then "check your email".

The same no-JavaScript flow as the sign page, without the site's header and footer, posting
back into the frame. Only the campaign's partner sites may frame it, and its form carries a
signed token instead of depending on the CSRF cookie (campaign.embeds explains why).
"""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from campaign.embeds import (
    TOKEN_FIELD,
    embed_framed,
    embed_source,
    embed_token,
    embed_token_valid,
    embed_view,
)
from campaign.sharing import source_of
from petitions import selectors
from petitions.forms import SignatureForm
from petitions.views import sign_from_post


@embed_view
@require_http_methods(["GET", "HEAD", "POST"])
def petition_embed(request, slug: str):
    """The embedded sign form. A valid POST with a fresh token signs and shows the embedded
    thank-you page; a stale token shows the form again, filled in, to press once more."""
    petition = selectors.petition_get_public(slug=slug)
    campaign = petition.campaign
    source = embed_source(request, campaign, source_of(request))
    status, token_expired = 200, False
    if request.method != "POST":
        form = SignatureForm(petition=petition, initial={"source": source})
    elif petition.is_open and not embed_token_valid(
        request.POST.get(TOKEN_FIELD, ""), slug=petition.slug
    ):
        form, status, token_expired = SignatureForm(request.POST, petition=petition), 400, True
    else:
        signed, form, status = sign_from_post(request, petition, source=source)
        if signed:
            return embed_framed(redirect("petitions_embed:thanks", slug=petition.slug), campaign)
    # The form tag is the template's: it carries the token and posts back into the frame.
    form.helper.form_tag = False
    context = {
        "petition": petition,
        "form": form,
        "count": selectors.petition_count(petition=petition),
        "embed_token": embed_token(slug=petition.slug),
        "token_expired": token_expired,
    }
    response = render(request, "petitions/embed.html", context, status=status)
    return embed_framed(response, campaign)


@embed_view
@require_safe
def petition_embed_thanks(request, slug: str):
    """After signing in the frame: check your email."""
    petition = selectors.petition_get_public(slug=slug)
    response = render(request, "petitions/embed_thanks.html", {"petition": petition})
    return embed_framed(response, petition.campaign)
