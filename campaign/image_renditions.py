"""Smaller copies of a campaign's image, so that a phone does not download the 1200-pixel one.

The stored image (campaign.campaign_images) stays as it is: link previews and wide screens use
it. Beside it, each width of RENDITION_WIDTHS that the image can fill gets a WebP copy, the
same picture (same crop, same quality) scaled down, and the hero offers them all in `srcset`.

A copy's name is the image's own with its width added (`campaigns/<hash>.webp` ->
`campaigns/<hash>-480w.webp`), so nothing about it is stored in the database: the storage is
asked which copies exist. The image's name changes with its content, so its copies' names do
too, and both can be cached for ever. An image stored before copies existed simply has none
(its page offers the image alone) until `manage.py write_image_renditions` makes them.
"""

import posixpath
from io import BytesIO

from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import Image

from campaign.campaign_images import WEBP_QUALITY

# The hero is 351 CSS pixels wide on a 375-pixel phone and 696 on a tablet: 480 serves the first
# at one device pixel per CSS pixel, 800 the first at two and the second at one.
RENDITION_WIDTHS = (480, 800)


def rendition_name(name: str, width: int) -> str:
    """The storage name of `name`'s copy `width` pixels wide, in the same folder."""
    stem, _extension = posixpath.splitext(name)
    return f"{stem}-{width}w.webp"


def campaign_image_renditions_write(*, image: FieldFile) -> list[int]:
    """Write the copies of the stored `image` that are missing; the widths written.

    Idempotent: a copy already stored is left alone, so running it again writes nothing. A
    width the image cannot fill is skipped (never enlarged). Reading a missing or unreadable
    file raises OSError (PIL's UnidentifiedImageError is one)."""
    storage = image.storage
    missing = [
        width for width in RENDITION_WIDTHS if not storage.exists(rendition_name(image.name, width))
    ]
    if not missing:
        return []
    with image.open("rb"), Image.open(image) as source:
        source.load()
        picture = source.convert("RGB")
    written = []
    for width in missing:
        if width >= picture.width:
            continue
        height = max(1, round(width * picture.height / picture.width))
        output = BytesIO()
        picture.resize((width, height), Image.Resampling.LANCZOS).save(
            output, format="WEBP", quality=WEBP_QUALITY, method=4
        )
        name = rendition_name(image.name, width)
        saved = storage.save(name, ContentFile(output.getvalue()))
        if saved != name:
            # Another process wrote the same copy meanwhile: theirs is as good, drop ours.
            storage.delete(saved)
        written.append(width)
    return written


def campaign_image_srcset(*, image: FieldFile) -> str:
    """The `srcset` of the stored `image`: each of its copies that exists and the image itself,
    with their widths; "" when it has no copy (the page then offers the image alone)."""
    storage = image.storage
    copies = [
        (storage.url(name), width)
        for width in RENDITION_WIDTHS
        if storage.exists(name := rendition_name(image.name, width))
    ]
    if not copies:
        return ""
    try:
        # The image's own width, read from its header: it is under 1200 when it was small.
        own_width = image.width
    except OSError:
        return ""
    if not own_width:
        return ""
    candidates = [(url, width) for url, width in copies if width < own_width]
    candidates.append((image.url, own_width))
    return ", ".join(f"{url} {width}w" for url, width in candidates)
