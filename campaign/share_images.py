"""The picture a shared link shows when the organiser gives none: the campaign's title on a
1200 x 630 card (the size Facebook, X and Bluesky crop to), drawn here with Pillow.

Drawn once per campaign, language and edit: the PNG is kept in the cache under a key holding
the campaign's `updated_at`, so editing the title draws a new one and nothing needs clearing.
The font is Inter Bold (SIL Open Font License), committed in campaign/static/chorus/fonts/:
Pillow's own default font has no accented letters, and French titles need them. Nothing is
fetched and nothing is installed on the machine.
"""

import functools
import io
import textwrap
from pathlib import Path

from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (13, 59, 102)  # dark blue; white text on it is well over 4.5:1
FOREGROUND = (255, 255, 255)
ACCENT = (250, 198, 68)
FONT_FILE = Path(__file__).resolve().parent / "static" / "chorus" / "fonts" / "Inter-Bold.otf"
CACHE_SECONDS = 30 * 24 * 60 * 60
TITLE_SIZES = (72, 60, 50, 42)  # the largest that fits in four lines
MAX_LINES = 4


def _key(*, slug: str, language: str, version: str) -> str:
    return f"share-image:v1:{slug}:{language}:{version}"


def share_image_png(*, slug: str, language: str, version: str, title: str, footer: str) -> bytes:
    """The PNG card for a campaign, from the cache or drawn now and cached.

    `version` changes whenever the campaign does (its updated_at), so a cached card is never
    stale; `footer` is the line under the title (the site's name and a call to act)."""
    key = _key(slug=slug, language=language, version=version)
    png = cache.get(key)
    if png is None:
        png = draw_card(title=title, footer=footer)
        cache.set(key, png, CACHE_SECONDS)
    return png


@functools.cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size=size)


def _title_lines(title: str, draw: ImageDraw.ImageDraw) -> tuple[ImageFont.FreeTypeFont, list]:
    """The largest font size at which `title` fits the card in MAX_LINES lines (the last one
    cut with an ellipsis at the smallest size)."""
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = _font(size)
        average = draw.textlength("abcdefghijklmnopqrstuvwxyz", font=font) / 26
        lines = textwrap.wrap(title, width=max(10, int(width / average)))
        if len(lines) <= MAX_LINES and all(draw.textlength(s, font=font) <= width for s in lines):
            return font, lines
    lines = lines[:MAX_LINES]
    lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return font, lines


def draw_card(*, title: str, footer: str) -> bytes:
    """A 1200 x 630 PNG: `title` large and wrapped, `footer` small below an accent bar."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    font, lines = _title_lines(title.strip() or "Chorus", draw)
    line_height = int(font.size * 1.2)
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=FOREGROUND)
        y += line_height
    draw.rectangle((MARGIN, HEIGHT - 170, MARGIN + 160, HEIGHT - 160), fill=ACCENT)
    small = _font(36)
    draw.text((MARGIN, HEIGHT - 130), footer, font=small, fill=FOREGROUND)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
