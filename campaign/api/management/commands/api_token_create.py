"""`manage.py api_token_create --user U --scopes campaigns:read people:read`: a token for U,
its key printed once (only its hash is kept)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from campaign.api.scopes import SCOPES
from campaign.api.services import ScopeRefused, api_token_create


class Command(BaseCommand):
    help = "Make an API token for a staff user with the given scopes; print its key once."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="The staff user's username.")
        parser.add_argument(
            "--scopes", nargs="+", required=True, choices=sorted(SCOPES), metavar="SCOPE",
            help=f"One or more of: {', '.join(SCOPES)}.",
        )  # fmt: skip
        parser.add_argument("--name", default="API token", help="What will use it.")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None or not user.is_active or not user.is_staff:
            raise CommandError(f"No active staff user named {options['user']!r}.")
        try:
            created = api_token_create(user=user, name=options["name"], scopes=options["scopes"])
        except ScopeRefused as refused:
            raise CommandError(str(refused)) from None
        self.stdout.write(
            f"Token {created.token.prefix}… for {user.get_username()} "
            f"({', '.join(created.token.scopes)}). Its key, shown only this once:"
        )
        self.stdout.write(created.key)
