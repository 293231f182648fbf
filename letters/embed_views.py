"""A letter in a frame on a partner's page: the same steps as the site's letter pages
(postal code, write, preview, send), in the compact layout, posting back into the frame.

Each view here runs the site's own letter view with `request.embed` set: the pages then
extend the embed layout, their forms carry the signed token that replaces the CSRF cookie
(campaign.embeds explains why), and each step leads to the next one in the frame. Only the
campaign's partner sites may frame them.
"""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from campaign.embeds import (
    TOKEN_FIELD,
    EmbedFrame,
    embed_framed,
    embed_source,
    embed_token_valid,
    embed_view,
)
from campaign.sharing import source_of
from letters import selectors, views


def _letter_template(campaign: str, template: str):
    return selectors.letter_template_get_public(campaign_slug=campaign, template_slug=template)


def _framed(view):
    """The site's letter `view`, run inside an embed frame (see the module docstring)."""

    @embed_view
    def framed(request, campaign: str, template: str):
        letter_template = _letter_template(campaign, template)
        frame_campaign = letter_template.campaign
        request.embed = EmbedFrame(campaign=frame_campaign, slug=letter_template.slug)
        if request.method == "POST" and not embed_token_valid(
            request.POST.get(TOKEN_FIELD, ""), slug=letter_template.slug
        ):
            response = render(
                request, "letters/embed_expired.html", {"template": letter_template}, status=400
            )
            return embed_framed(response, frame_campaign)
        if request.method == "GET" and not request.GET.get("source"):
            # The frame's first page: its Referer is the partner's page (campaign.embeds).
            source = embed_source(request, frame_campaign, source_of(request))
            request.GET = request.GET.copy()
            request.GET["source"] = source
        response = view(request, campaign=campaign, template=template)
        return embed_framed(response, frame_campaign)

    framed.__name__ = framed.__qualname__ = f"{view.__name__}_embed"
    framed.__doc__ = f"{view.__name__}, in a partner's frame."
    return framed


letter_start_embed = _framed(views.letter_start)
letter_write_embed = _framed(views.letter_write)


@embed_view
@require_safe
def letter_sent_embed(request, campaign: str, template: str):
    """After sending in the frame: confirm by email (nothing is sent until then)."""
    letter_template = _letter_template(campaign, template)
    request.embed = EmbedFrame(campaign=letter_template.campaign, slug=letter_template.slug)
    response = render(request, "letters/sent.html", {"template": letter_template})
    return embed_framed(response, letter_template.campaign)
