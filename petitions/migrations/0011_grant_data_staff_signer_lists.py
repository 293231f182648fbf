"""Data staff export and print signer lists (petitions.export_signature); organisers do not."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

PERMISSIONS = {DATA_STAFF: {"petitions": {"signature": ["export"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_create_staff_groups"),
        ("petitions", "0010_signature_export_permission_and_target_updates"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
