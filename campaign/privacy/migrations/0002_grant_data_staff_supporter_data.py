"""Data staff look up, export and delete everything held on one address; organisers do not."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

# Codenames view_supporter_data and delete_supporter_data (privacy.SupporterData's Meta).
PERMISSIONS = {DATA_STAFF: {"privacy": {"supporter_data": ["view", "delete"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("campaign", "0002_create_staff_groups"),
        ("privacy", "0001_supporter_data_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
