"""`{% petition_progress_for petition %}`: a petition's count and progress bar, for pages of
other apps (a campaign's page) that show it without importing the petitions app."""

from django import template

from petitions import selectors

register = template.Library()


@register.inclusion_tag("petitions/_progress.html")
def petition_progress_for(petition) -> dict:
    """The count (from the cache, as on the petition's own page) toward its goal."""
    count = selectors.petition_count(petition=petition)
    return {
        "petition": petition,
        "progress": selectors.petition_progress(count=count, goal=petition.goal),
    }
