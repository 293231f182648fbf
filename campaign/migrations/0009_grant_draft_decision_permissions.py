"""Organisers read the draft decisions and may delete one (so a re-read offers it again)."""

from django.db import migrations

from campaign.staff_groups import ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {ORGANISERS: {"campaign": {"draftdecision": ["view", "delete"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0008_draft_decisions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
