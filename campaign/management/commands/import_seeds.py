"""Import source documents, find their calls to action and draft a campaign from them."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug
from django.db import DatabaseError, transaction

from campaign import extraction
from campaign.document_files import UnreadableDocument, expand_paths, read_document
from campaign.models import Campaign
from campaign.services import CampaignNotPublishable, campaign_publish_once, documents_import


class DryRunRollback(Exception):
    """Raised inside the import transaction to undo a --dry-run."""


class Command(BaseCommand):
    help = (
        "Import source documents (default: seeds/), record their calls to action with the "
        "quoted evidence, and draft a campaign: petition, letters, donation links."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders (default: seeds/)")
        parser.add_argument("--campaign", metavar="SLUG", help="add to (or create) this campaign")
        parser.add_argument("--publish", action="store_true", help="publish the campaign")
        parser.add_argument("--dry-run", action="store_true", help="change nothing")
        parser.add_argument("--json", action="store_true", help="print the extraction as JSON")

    def handle(self, *args, **options):
        if options["campaign"] is not None:
            self._check_slug(options["campaign"])
        paths = expand_paths(options["paths"] or [settings.CHORUS_SEEDS_DIR])
        documents = []
        for path in paths:
            try:
                document = read_document(path)
            except UnreadableDocument as problem:
                self.stderr.write(f"warning: {path}: {problem}; skipped")
                continue
            documents.append(document)
        if not documents:
            shown = ", ".join(str(p) for p in options["paths"]) or str(settings.CHORUS_SEEDS_DIR)
            raise CommandError(f"nothing could be imported from {shown}")

        if options["json"]:
            extracted = self._extraction_json(documents)
            self.stdout.write(json.dumps(extracted, indent=2))
            if options["dry_run"]:
                for document, result in zip(documents, extracted["documents"], strict=True):
                    self._warn(document.path, result["warnings"])
                return  # the extraction is the answer; the database is not needed

        published, refused = False, None
        try:
            with transaction.atomic():
                report = documents_import(
                    documents=[(d.name, d.text) for d in documents],
                    campaign_slug=options["campaign"],
                )
                if options["publish"] and report.campaign:
                    try:
                        published = campaign_publish_once(campaign=report.campaign)
                    except CampaignNotPublishable as error:
                        refused = error  # the import stands; the campaign stays a draft
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        except DatabaseError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise CommandError(
                f"the database is not ready ({first_line}); run 'manage.py migrate' first"
            ) from error

        paths = {document.name: document.path for document in documents}
        for name, warning in report.warnings:
            self._warn(paths.get(name, name), [warning])
        if not options["json"]:
            self._say(
                report,
                dry_run=options["dry_run"],
                publish=options["publish"] and refused is None,
                published=published,
            )
        if refused is not None:
            kept = "" if options["dry_run"] else ", kept as a draft"
            raise CommandError(f"campaign {report.campaign.slug!r} not published{kept}: {refused}")

    @staticmethod
    def _check_slug(slug: str) -> None:
        """Refuse a slug no URL can hold: the campaign would exist, but its link would 500."""
        max_length = Campaign._meta.get_field("slug").max_length
        try:
            validate_slug(slug)
        except ValidationError:
            raise CommandError(
                f"--campaign {slug!r}: use only letters, digits, hyphens and underscores"
            ) from None
        if len(slug) > max_length:
            raise CommandError(f"--campaign: at most {max_length} characters")

    def _warn(self, path, warnings) -> None:
        """One line per warning, naming the file ("...: written in neither English nor French;
        no actions"), like the warnings about unreadable files."""
        for warning in warnings:
            self.stderr.write(f"warning: {path}: {warning}")

    @staticmethod
    def _extraction_json(documents) -> dict:
        result = []
        for document in documents:
            extracted = extraction.extract_document(document.text)
            result.append({"file": document.name, **extracted.to_dict()})
        return {"documents": result}

    @staticmethod
    def _not_published_because(campaign: Campaign) -> str:
        """Why --publish left the campaign as it was (see campaign_publish_once)."""
        if campaign.status == Campaign.Status.PUBLISHED:
            return "already published"
        if campaign.status == Campaign.Status.CLOSED:
            return "left closed: an organiser closed it (publish it again in the admin)"
        return (
            "left a draft: it was published before and taken back to a draft "
            "(publish it again in the admin)"
        )

    def _say(self, report, *, dry_run: bool, publish: bool, published: bool) -> None:
        prefix = "(dry run, nothing saved) " if dry_run else ""
        self.stdout.write(
            f"{prefix}documents: {report.documents_created} new, "
            f"{report.documents_existing} already imported; "
            f"calls to action: {report.actions_created} new"
        )
        if report.campaign:
            state = "created" if report.campaign_created else "updated"
            if published:
                state += " and published"
            elif publish:
                state += f"; {self._not_published_because(report.campaign)}"
            self.stdout.write(f"{prefix}campaign {report.campaign.slug!r} {state}")
        for line in report.drafted:
            self.stdout.write(f"{prefix}  drafted {line}")
        for line in report.skipped:
            self.stdout.write(f"{prefix}  skipped {line}")
        if report.drafting_skipped and report.actions_created:
            self.stdout.write(
                f"{prefix}nothing drafted into campaign {report.campaign.slug!r}: it is "
                f"{report.campaign.get_status_display().lower()}, and drafts are checked before "
                "supporters see them (the calls to action are in the admin)"
            )
