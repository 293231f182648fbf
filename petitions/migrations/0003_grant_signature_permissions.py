"""Organisers moderate signatures (hide comments, clear flags); data staff read them."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {"petitions": {"signature": ["view", "change", "moderate"]}},
    DATA_STAFF: {"petitions": {"signature": ["view"]}},
}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("campaign", "0002_create_staff_groups"),
        ("petitions", "0002_signature_and_ip_salt"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
