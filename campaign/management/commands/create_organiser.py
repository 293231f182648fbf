"""Create the first organiser account, once, with a random password printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from campaign.staff_groups import ORGANISERS


class Command(BaseCommand):
    help = "Create an organiser account (staff, in the Organisers group) unless one exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="organiser")
        parser.add_argument("--email", default="organiser@example.org")

    def handle(self, *args, **options):
        group = Group.objects.get(name=ORGANISERS)
        if group.user_set.exists():
            self.stdout.write("An organiser account already exists; no new account created.")
            return
        password = secrets.token_urlsafe(12)
        user = get_user_model().objects.create_user(
            options["username"], options["email"], password, is_staff=True
        )
        user.groups.add(group)
        self.stdout.write(
            f"Organiser account created. Sign in at /admin/ as {user.username!r} with password "
            f"{password!r} (shown only this once)."
        )
