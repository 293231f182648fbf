"""The two staff groups: organisers edit campaigns; data staff read and export supporter lists."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions

PERMISSIONS = {
    ORGANISERS: {
        "campaign": {
            "campaign": ["add", "change", "delete", "view"],
            "sourcedocument": ["add", "change", "view"],
            "calltoaction": ["add", "change", "delete", "view"],
            "target": ["add", "change", "delete", "view"],
            "donationlink": ["add", "change", "delete", "view"],
        },
        "petitions": {"petition": ["add", "change", "delete", "view"]},
        "letters": {"lettertemplate": ["add", "change", "delete", "view"]},
        "outbox": {"outboundemail": ["view"]},
    },
    DATA_STAFF: {
        "campaign": {"campaign": ["view"]},
        "petitions": {"petition": ["view"]},
    },
}


def create_groups(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[ORGANISERS, DATA_STAFF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("campaign", "0001_initial"),
        ("petitions", "0001_initial"),
        ("letters", "0001_initial"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
