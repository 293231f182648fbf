"""A campaign's look: its brand colour, the text colour that reads on it, and the stylesheet
that carries both to its pages.

The Content-Security-Policy allows no inline style (campaign/security_headers.py), so a
campaign's colour cannot go in a `style` attribute or a `<style>` element. It goes in a tiny
stylesheet of its own, `/campaigns/<slug>/theme.css` (campaign.views.campaign_theme), which
sets two CSS custom properties; `chorus.css` uses them, with Chorus's blue as the fallback when
a campaign has no colour. The link carries the colour in its query string, so the stylesheet
can be cached for a year and a new colour is a new address.

The text colour is chosen here, on the server, by WCAG 2.1's relative luminance: black or
white, whichever contrasts more with the brand colour. One of them always reaches 4.5:1
(the worst case, a mid grey of luminance ≈ 0.18, still gives 4.58:1), so an organiser cannot
pick a colour that makes the buttons unreadable.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
BLACK = "#000000"
WHITE = "#ffffff"
# WCAG 2.1 AA for normal text.
MINIMUM_CONTRAST = 4.5


def validate_hex_colour(value: str) -> None:
    """A colour as `#rrggbb`: the only shape the theme stylesheet ever writes out."""
    if not HEX_COLOUR.fullmatch(value or ""):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal digits, like #1f6f43."),
            code="invalid_colour",
        )


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of `#rrggbb`: 0 for black, 1 for white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (always at least 4.5:1)."""
    if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE):
        return BLACK
    return WHITE


def theme_css(brand_colour: str) -> str:
    """The stylesheet that gives a campaign's pages its colour (see the module docstring)."""
    return (
        ":root {"
        f" --chorus-brand: {brand_colour};"
        f" --chorus-on-brand: {text_colour_on(brand_colour)};"
        " }\n"
    )
