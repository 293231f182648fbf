"""Template tags for a campaign's image and its smaller copies (campaign.image_renditions)."""

from django import template

from campaign.image_renditions import campaign_image_srcset

register = template.Library()


@register.simple_tag
def image_srcset(image) -> str:
    """The `srcset` of a stored campaign image: its copies that exist and itself, with their
    widths; "" for an image without copies (one stored before they were made)."""
    return campaign_image_srcset(image=image)
