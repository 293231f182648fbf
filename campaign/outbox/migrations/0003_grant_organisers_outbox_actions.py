"""Organisers retry and cancel outbound emails and lift suppressions from the admin."""

from django.db import migrations

from campaign.staff_groups import ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {
        "outbox": {
            "outboundemail": ["view", "change"],
            "suppression": ["view", "add", "delete"],
        }
    }
}
# What 0003 adds on top of campaign.0002 (which already grants viewing outbound emails).
ADDED = {
    ORGANISERS: {"outbox": {"outboundemail": ["change"], "suppression": ["view", "add", "delete"]}}
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, ADDED)


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0002_suppression_webhook_events_pacing"),
        ("campaign", "0002_create_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
