"""Progress emails to a petition's target were queued with the outbox's generic purpose "other";
the petitions app now registers its own, "petition_target_update" (petitions/purposes.py)."""

from django.db import migrations

OLD, NEW = "other", "petition_target_update"


def _rename(apps, old: str, new: str) -> None:
    OutboundEmail = apps.get_model("outbox", "OutboundEmail")
    OutboundEmail.objects.filter(
        purpose=old, related_type__app_label="petitions", related_type__model="petition"
    ).update(purpose=new)


def forwards(apps, schema_editor):
    _rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("outbox", "0009_purpose_registered_by_apps"),
        ("petitions", "0013_signature_source"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
