"""Data staff withdraw a supporter's consent on their request; organisers do not (the page
looks people up by address, as the supporters' data page does)."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, grant_permissions, revoke_permissions

# Codename withdraw_consentevent (ConsentEvent's Meta).
PERMISSIONS = {DATA_STAFF: {"consent": {"consentevent": ["withdraw"]}}}


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_create_staff_groups"),
        ("consent", "0003_recorded_by_and_withdraw_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
