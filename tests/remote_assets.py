"""What a page makes the browser fetch from another site: one check for every test that asks.

A supporter's browser should fetch nothing but our own origin (privacy, and the strict CSP):
no CDN, no web font, no tracking pixel. Links that only name a page (`rel="alternate"`,
`rel="canonical"`, plain `<a href>`) are not fetched and are not counted.
"""

from html.parser import HTMLParser

# Tags a browser fetches by itself, and the attributes holding what it fetches.
_FETCHED = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "link": ("href",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
_NAMED_NOT_FETCHED = {"alternate", "canonical"}


def _is_remote(url: str) -> bool:
    return url.strip().lower().startswith(("http:", "https:", "//"))


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and set((attrs.get("rel") or "").split()) & _NAMED_NOT_FETCHED:
            return
        for name in _FETCHED.get(tag, ()):
            value = attrs.get(name) or ""
            if name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            elif value:
                self.urls.append(value)


def fetched_urls(html: str) -> list[str]:
    """Every address the page's tags make a browser fetch, in page order."""
    parser = _Fetches()
    parser.feed(html)
    return parser.urls


def remote_assets(html: str) -> list[str]:
    """The fetched addresses that are on another site (absolute or scheme-relative)."""
    return [url for url in fetched_urls(html) if _is_remote(url)]
