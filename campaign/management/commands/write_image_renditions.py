"""Write the smaller copies of every campaign's image that lacks them (campaign.image_renditions).

For images uploaded before the copies existed; the admin writes them for each new upload.
Running it again writes nothing new.
"""

from django.core.management.base import BaseCommand, CommandError

from campaign.image_renditions import campaign_image_renditions_write
from campaign.models import Campaign


class Command(BaseCommand):
    help = "Write the smaller copies (for phones) of campaign images that lack them."

    def handle(self, *args, **options):
        images = written = 0
        unreadable = []
        campaigns = Campaign.objects.exclude(image="").only("pk", "slug", "image").order_by("pk")
        for campaign in campaigns.iterator():
            try:
                widths = campaign_image_renditions_write(image=campaign.image)
            except OSError:
                unreadable.append(campaign.slug)
                continue
            images += 1
            written += len(widths)
        self.stdout.write(f"{written} copies written for {images} campaign images.")
        if unreadable:
            raise CommandError(
                f"The image of {len(unreadable)} campaigns could not be read, so their pages "
                f"show it alone: {', '.join(unreadable)}."
            )
