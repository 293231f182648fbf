"""The one check of what a page fetches from another site (tests/remote_assets.py)."""

from tests.remote_assets import fetched_urls, remote_assets


def test_images_scripts_frames_and_sources_from_another_site_are_remote():
    html = (
        '<img src="https://cdn.example/a.png"><script src="//cdn.example/b.js"></script>'
        '<iframe src="http://video.example/embed"></iframe>'
        '<picture><source srcset="/static/c.webp 1x, https://cdn.example/c@2x.webp 2x"></picture>'
    )

    assert remote_assets(html) == [
        "https://cdn.example/a.png",
        "//cdn.example/b.js",
        "http://video.example/embed",
        "https://cdn.example/c@2x.webp",
    ]


def test_alternate_and_canonical_links_and_anchors_are_named_not_fetched():
    html = (
        '<link rel="alternate" hreflang="fr" href="https://chorus.example/fr/">'
        '<link rel="canonical" href="https://chorus.example/">'
        '<a href="https://elsewhere.example/">a page</a>'
    )

    assert remote_assets(html) == []


def test_our_own_assets_are_fetched_but_not_remote():
    html = '<link rel="stylesheet" href="/static/chorus.css"><img src="/media/hero.jpg" alt="">'

    assert fetched_urls(html) == ["/static/chorus.css", "/media/hero.jpg"]
    assert remote_assets(html) == []
