"""A petition's status becomes its campaign's: the column goes (see Petition's docstring).

Forwards there is nothing to copy: whether a petition is open is read from its campaign from
now on. A petition whose own status disagreed with its campaign takes the campaign's: a closed
petition in a published campaign (a campaign closed and published again) reopens, and a draft
petition in a published campaign (added after publishing) opens. Backwards, the column comes
back filled from the campaign, as publishing and closing used to set it.
"""

from django.db import migrations


def status_from_campaign(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    for campaign_status, petition_status in [("published", "open"), ("closed", "closed")]:
        Petition.objects.filter(campaign__status=campaign_status).update(status=petition_status)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_create_staff_groups"),
        ("petitions", "0007_signature_rate_limit_pending"),
    ]

    operations = [
        # Reversed last: the column is back (every row a draft) before it is filled.
        migrations.RunPython(migrations.RunPython.noop, status_from_campaign),
        migrations.RemoveField(model_name="petition", name="status"),
    ]
