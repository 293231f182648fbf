"""A campaign's image, as an organiser uploads it and as supporters get it.

The upload is read by Pillow, so only a real image gets through, whatever its name says; it
is then cut to a banner (IMAGE_RATIO, a link preview card's shape: the page's hero crops it a
little more, never less) and drawn again at most IMAGE_MAX_WIDTH pixels wide as a WebP file,
which drops whatever the original carried besides its pixels (a camera's location, a second
image) and keeps the page light on a phone: a busy photo comes to about 100 KB, most to half
that. The file is named by its content, so it can be cached for ever: a new image is a new
address.
"""

import hashlib
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# Wide enough for a 1280-pixel screen at its hero's width; a phone scales it down.
IMAGE_MAX_WIDTH = 1200
# Width over height: 1200 x 630, the shape of a link's preview card.
IMAGE_RATIO = 1200 / 630
# More pixels than any camera's: a small file that unpacks to gigabytes is refused unread.
MAX_SOURCE_PIXELS = 60_000_000
WEBP_QUALITY = 72


def campaign_image_normalised(upload) -> ContentFile:
    """The uploaded file as the WebP image pages serve, or a ValidationError saying why not:
    over MAX_UPLOAD_BYTES, not an image Pillow can read, or absurdly many pixels."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The image is over 5 MB. Upload a smaller one (a JPEG photo is usually enough)."),
            code="image_too_big",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as source:
            if source.width * source.height > MAX_SOURCE_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels. Upload one under 60 megapixels."),
                    code="image_too_many_pixels",
                )
            source.load()
            image = ImageOps.exif_transpose(source)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP picture."),
            code="not_an_image",
        ) from error
    if image.mode in ("RGBA", "LA", "P"):
        # Transparency on white, as a page would show it, not on black.
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    image = image.convert("RGB")
    # Never enlarged: a small image stays small (and light), cut to the banner's shape.
    width = min(IMAGE_MAX_WIDTH, image.width, round(image.height * IMAGE_RATIO))
    size = (width, max(1, round(width / IMAGE_RATIO)))
    image = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    output = BytesIO()
    image.save(output, format="WEBP", quality=WEBP_QUALITY, method=4)
    content = output.getvalue()
    name = f"{hashlib.sha256(content).hexdigest()[:20]}.webp"
    return ContentFile(content, name=name)
