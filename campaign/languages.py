"""The site's languages as pages and emails use them: which one a page is in, the same page in
the others, and links that carry a supporter's language into an email.

A page's language is in its address (campaign/urls.py): English unprefixed, French under /fr/.
So a link is in a language when it is reversed while that language is active, and an email
sent by a worker (whose active language is the default) reverses its links inside
`override(language)` with the language the supporter used: `absolute_url`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation


def site_language(code: str | None) -> str:
    """`code` as one of settings.LANGUAGES ("fr-ca" is "fr"), else the default language."""
    known = {language for language, _name in settings.LANGUAGES}
    base = (code or "").lower().split("-")[0].split("_")[0]
    return base if base in known else settings.LANGUAGE_CODE


def current_language() -> str:
    """The language of what is being rendered now (the page's, or an email's override)."""
    return site_language(translation.get_language())


def absolute_url(viewname: str, *, language: str | None, **kwargs) -> str:
    """SITE_URL and the path of `viewname` in `language`: for links that leave the site in an
    email, where the language is the supporter's, not the worker's."""
    with translation.override(site_language(language)):
        return settings.SITE_URL + reverse(viewname, kwargs=kwargs or None)


@dataclass(frozen=True)
class LanguageLink:
    """The page being shown, in one of the site's languages."""

    code: str
    name: str  # in its own language ("Français"), as a language switch names it
    url: str  # a path, with the query string when the page depends on it
    is_current: bool

    @property
    def absolute_url(self) -> str:
        """For <link rel="alternate" hreflang>, which wants an absolute address."""
        return settings.SITE_URL + self.url


def language_links(request, *, keep_query: bool = True) -> list[LanguageLink]:
    """This page in each site language, the current one marked.

    The query string is kept (a letter's write page holds its postal code there) unless
    `keep_query` is False: a page cached for everyone must not carry one visitor's query.
    A path outside the translated URLs gets itself back, which is still a working link.
    """
    path = request.get_full_path() if keep_query else request.path
    current = current_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(LanguageLink(code=code, name=name, url=url, is_current=code == current))
    return links
